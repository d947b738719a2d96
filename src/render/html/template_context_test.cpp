#include "render/html/template_context.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using carnet::render::html::TemplateContext;
namespace mustache = kainjow::mustache;
using Data = mustache::data;

namespace {

// A random tree of objects, lists and strings whose keys share a few
// names, so that lookups often succeed at one level and fail at the next.
Data random_tree(std::mt19937& rng, int depth) {
  static const char* keys[] = {"a", "b", "t", "", "menu"};
  const auto kind = rng() % (depth > 2 ? 2 : 4);
  if (kind == 0) return Data{std::string(1, static_cast<char>('x' + rng() % 3))};
  if (kind == 1) return Data{rng() % 2 == 0};
  if (kind == 2) {
    Data list{Data::type::list};
    for (int i = 0; i < 2; ++i) list.push_back(random_tree(rng, depth + 1));
    return list;
  }
  Data object;
  for (int i = 0; i < 3; ++i)
    object.set(keys[rng() % std::size(keys)], random_tree(rng, depth + 1));
  return object;
}

std::string random_name(std::mt19937& rng) {
  static const char* parts[] = {"a", "b", "t", "", "menu", "."};
  std::string name;
  const int count = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < count; ++i) {
    if (i) name += '.';
    name += parts[rng() % std::size(parts)];
  }
  return name;
}

}  // namespace

TEST_CASE("TemplateContext finds what kainjow's context finds", "[render]") {
  std::mt19937 rng(20261130);
  int found = 0;
  for (int n = 0; n < 300; ++n) {
    std::vector<Data> items;
    for (int i = 0, count = 1 + static_cast<int>(rng() % 3); i < count; ++i)
      items.push_back(random_tree(rng, 0));
    mustache::context<std::string> theirs;
    TemplateContext ours;
    for (const auto& item : items) {
      theirs.push(&item);
      ours.push(&item);
    }
    for (int k = 0; k < 40; ++k) {
      const std::string name = random_name(rng);
      INFO(name);
      CHECK(ours.get(name) == theirs.get(name));
      CHECK(ours.get_partial(name) == theirs.get_partial(name));
      found += ours.get(name) != nullptr;
    }
    theirs.pop();
    ours.pop();
    CHECK(ours.get("a.b") == theirs.get("a.b"));
  }
  CHECK(found > 1000);
}

TEST_CASE("a template renders the same through TemplateContext", "[render]") {
  Data words;
  words.set("menu", "Menu");
  words.set("colon", " :");
  Data shared;
  shared.set("t", words);
  Data page;
  page.set("title", "Été <b>");
  Data items{Data::type::list};
  for (const char* t : {"un", "deux"}) {
    Data item;
    item.set("title", t);
    items.push_back(item);
  }
  page.set("items", items);
  const std::string text =
      "{{t.menu}}{{t.colon}} {{title}}\n{{#items}}- {{title}}{{t.colon}} {{t.nothing}}\n"
      "{{/items}}{{^t.none}}none{{/t.none}}{{#t}}{{menu}}{{/t}}{{.}}{{t.}}\n";
  mustache::mustache tmpl(text);
  REQUIRE(tmpl.is_valid());
  mustache::context<std::string> theirs;
  TemplateContext ours;
  for (auto* stack : {static_cast<mustache::basic_context<std::string>*>(&theirs),
                      static_cast<mustache::basic_context<std::string>*>(&ours)}) {
    stack->push(&shared);
    stack->push(&page);
  }
  std::ostringstream a, b;
  tmpl.render(theirs, a);
  tmpl.render(ours, b);
  CHECK(a.str() == b.str());
  CHECK(b.str().find("Menu : Été &lt;b&gt;") == 0);
}
