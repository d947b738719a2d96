#include "load/yaml_tree.hpp"

#include <algorithm>
#include <unordered_map>

#include "wrap/yaml.hpp"

namespace carnet::load::yaml {

struct NodeData {
  Type type = Type::null;
  Style style = Style::block;
  yaml::Mark mark;
  std::uint32_t first = 0;  // children, in Tree::kids
  std::uint32_t count = 0;  // a list's items; a map's keys and values, alternating
  // The nodes a reader walking this one visits, aliases followed.
  std::uint64_t walked = 1;
  std::string scalar;
};

struct Tree {
  std::vector<NodeData> nodes;
  std::vector<std::uint32_t> kids;
};

namespace {

const std::string& no_text() {
  static const std::string empty;
  return empty;
}

}  // namespace

Type Node::type() const { return tree_ ? tree_->nodes[index_].type : Type::undefined; }
Style Node::style() const { return tree_ ? tree_->nodes[index_].style : Style::block; }
Mark Node::mark() const { return tree_ ? tree_->nodes[index_].mark : yaml::Mark{}; }

const std::string& Node::scalar() const {
  return is_scalar() ? tree_->nodes[index_].scalar : no_text();
}

std::string Node::as_string(std::string_view fallback) const {
  if (is_scalar()) return scalar();
  if (is_null()) return "null";
  return std::string(fallback);
}

std::string Node::as_string() const {
  if (is_scalar()) return scalar();
  if (is_null()) return "null";
  throw Exception(mark(), "expected a text");
}

std::size_t Node::size() const {
  if (!tree_) return 0;
  const NodeData& d = tree_->nodes[index_];
  if (d.type == Type::sequence) return d.count;
  if (d.type == Type::map) return d.count / 2;
  return 0;
}

std::uint32_t Node::child(std::size_t k) const {
  return tree_->kids[tree_->nodes[index_].first + k];
}

Node Node::operator[](std::string_view key) const {
  if (!is_map()) return {};
  const NodeData& d = tree_->nodes[index_];
  for (std::uint32_t k = 0; k < d.count; k += 2) {
    const NodeData& kd = tree_->nodes[child(k)];
    if (kd.type == Type::scalar && kd.scalar == key) return {tree_, child(k + 1)};
  }
  return {};
}

Node Node::operator[](std::size_t i) const {
  if (!is_sequence() || i >= size()) return {};
  return {tree_, child(i)};
}

Node::Iterator Node::begin() const { return {this, 0}; }
Node::Iterator Node::end() const { return {this, size()}; }

namespace {

void scalars_of(const Tree& tree, std::uint32_t index,
                const std::function<void(const std::string&, const yaml::Mark&)>& f) {
  const NodeData& d = tree.nodes[index];
  if (d.type == Type::scalar) {
    f(d.scalar, d.mark);
  } else if (d.type == Type::sequence || d.type == Type::map) {
    for (std::uint32_t k = 0; k < d.count; ++k) scalars_of(tree, tree.kids[d.first + k], f);
  }
}

}  // namespace

void Node::for_each_scalar(
    const std::function<void(const std::string&, const yaml::Mark&)>& f) const {
  if (tree_) scalars_of(*tree_, index_, f);
}

void Node::Iterator::load() {
  if (!owner_ || k_ >= owner_->size()) return;
  if (owner_->is_map()) {
    entry_.first = Node(owner_->tree_, owner_->child(2 * k_));
    entry_.second = Node(owner_->tree_, owner_->child(2 * k_ + 1));
  } else {
    static_cast<Node&>(entry_) = Node(owner_->tree_, owner_->child(k_));
  }
}

// Builds the tree from libyaml's events.
struct TreeBuilder {
  std::string_view text;
  std::size_t offset = 0;  // bytes before `text` in the caller's (a BOM)
  std::shared_ptr<Tree> tree = std::make_shared<Tree>();
  std::vector<std::uint32_t> open;     // containers being read
  std::vector<std::uint32_t> pending;  // their children so far, innermost last
  std::vector<std::size_t> pending_from;
  std::vector<std::string> open_anchors;  // the open containers' anchors ("" for none)
  std::unordered_map<std::string, std::uint32_t> anchors;
  std::optional<std::uint32_t> root;
  // libyaml counts characters; a cursor turns its index into bytes, moving
  // as events do, nearly always forward (and back, character by character,
  // for a mark behind it: starting again from the top made a plan's
  // thousands of marks quadratic).
  std::size_t cursor_chars = 0, cursor_bytes = 0;
  // The byte where the line of the last mark starts, found once a line:
  // each mark on a line of flow maps ({fr: "…", en: "…"}) walked back to it.
  std::size_t line_of_start = SIZE_MAX, line_start = 0;

  std::size_t byte_at(std::size_t chars) {
    while (cursor_chars > chars && cursor_bytes > 0) {
      --cursor_bytes;
      while (cursor_bytes > 0 && (static_cast<unsigned char>(text[cursor_bytes]) & 0xC0) == 0x80)
        --cursor_bytes;
      --cursor_chars;
    }
    while (cursor_chars < chars && cursor_bytes < text.size()) {
      ++cursor_bytes;
      while (cursor_bytes < text.size() &&
             (static_cast<unsigned char>(text[cursor_bytes]) & 0xC0) == 0x80)
        ++cursor_bytes;
      ++cursor_chars;
    }
    return cursor_bytes;
  }

  yaml::Mark mark(const yaml_mark_t& m) {
    const std::size_t at = byte_at(m.index);
    if (m.line != line_of_start || at < line_start) {
      // The line's start is `column` characters back: walk them in bytes.
      std::size_t start = at;
      for (std::size_t c = 0; c < m.column && start > 0; ++c) {
        --start;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      }
      line_of_start = m.line;
      line_start = start;
    }
    return {static_cast<int>(at + offset), static_cast<int>(m.line),
            static_cast<int>(at - line_start)};
  }

  std::uint32_t add(NodeData d) {
    tree->nodes.push_back(std::move(d));
    return static_cast<std::uint32_t>(tree->nodes.size() - 1);
  }

  void attach(std::uint32_t n) {
    if (open.empty())
      root = n;
    else
      pending.push_back(n);
  }

  void name(const yaml_char_t* anchor, std::uint32_t n) {
    if (anchor) anchors[reinterpret_cast<const char*>(anchor)] = n;
  }

  // One node event; false for an alias to an anchor not (yet) complete, or
  // a container deeper than max_depth.
  // Anchors are named when their node is complete (close), so an alias never
  // points into itself: a tree with a loop would be walked for ever.
  bool node(const yaml_event_t& e, SyntaxError& error) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        NodeData d;
        d.mark = mark(e.start_mark);
        const auto& s = e.data.scalar;
        d.scalar.assign(reinterpret_cast<const char*>(s.value), s.length);
        d.type = s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit && null_text(d.scalar)
                     ? Type::null
                     : Type::scalar;
        if (d.type == Type::null) d.scalar.clear();
        const std::uint32_t n = add(std::move(d));
        name(s.anchor, n);
        attach(n);
        return true;
      }
      case YAML_ALIAS_EVENT: {
        const auto found = anchors.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (found == anchors.end()) {
          error = {mark(e.start_mark),
                   "the alias *" + std::string(reinterpret_cast<const char*>(e.data.alias.anchor)) +
                       " names no anchor (&" + reinterpret_cast<const char*>(e.data.alias.anchor) +
                       ") written before it",
                   "",
                   {}};
          return false;
        }
        attach(found->second);
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (open.size() >= max_depth) {
          error = {mark(e.start_mark),
                   "lists and maps nested more than " + std::to_string(max_depth) +
                       " levels deep; Carnet reads at most " + std::to_string(max_depth),
                   "",
                   {}};
          return false;
        }
        NodeData d;
        d.mark = mark(e.start_mark);
        const bool seq = e.type == YAML_SEQUENCE_START_EVENT;
        d.type = seq ? Type::sequence : Type::map;
        d.style = (seq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                       : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
                      ? Style::flow
                      : Style::block;
        const std::uint32_t n = add(std::move(d));
        attach(n);
        open.push_back(n);
        pending_from.push_back(pending.size());
        const yaml_char_t* a = seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
        open_anchors.emplace_back(a ? reinterpret_cast<const char*>(a) : "");
        return true;
      }
      default:
        return true;
    }
  }

  // Ends the innermost container; false when its aliases make it too large
  // to walk (max_walked).
  bool close(SyntaxError& error) {
    const std::uint32_t n = open.back();
    const std::size_t from = pending_from.back();
    std::uint64_t walked = 1;
    for (std::size_t k = from; k < pending.size(); ++k)
      walked = std::min(walked + tree->nodes[pending[k]].walked, max_walked + 1);
    NodeData& d = tree->nodes[n];
    d.walked = walked;
    if (walked > max_walked && walked > 2 * tree->nodes.size()) {
      error = {d.mark,
               "the aliases (*name) in this value repeat so much that reading it means more than " +
                   std::to_string(max_walked) + " values; Carnet reads at most that",
               "",
               {}};
      return false;
    }
    d.first = static_cast<std::uint32_t>(tree->kids.size());
    d.count = static_cast<std::uint32_t>(pending.size() - from);
    tree->kids.insert(tree->kids.end(), pending.begin() + static_cast<std::ptrdiff_t>(from),
                      pending.end());
    pending.resize(from);
    if (!open_anchors.back().empty()) anchors[open_anchors.back()] = n;
    open.pop_back();
    pending_from.pop_back();
    open_anchors.pop_back();
    return true;
  }

  static Node make(std::shared_ptr<const Tree> t, std::uint32_t index) {
    return {std::move(t), index};
  }
};

namespace {

SyntaxError syntax_error(const wrap::YamlParser& parser, TreeBuilder& b) {
  const yaml_parser_t& p = parser.get();
  SyntaxError e;
  e.problem = p.problem ? p.problem : "cannot read this text";
  e.mark = b.mark(p.problem_mark);
  if (p.context) {
    e.context = p.context;
    e.context_mark = b.mark(p.context_mark);
  }
  return e;
}

bool is_node(yaml_event_type_t t) {
  return t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT || t == YAML_SEQUENCE_START_EVENT ||
         t == YAML_MAPPING_START_EVENT;
}

}  // namespace

bool null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

Parsed parse(std::string_view text) {
  Parsed out;
  wrap::YamlParser parser(text);
  TreeBuilder b;
  // Offsets count a byte order mark the parser skipped; columns do not (an
  // editor does not show it).
  b.text = parser.text();
  b.offset = parser.skipped();
  if (!parser.initialized()) {
    out.error = SyntaxError{{}, "out of memory", "", {}};
    return out;
  }
  wrap::YamlEvent e;
  int documents = 0;
  for (;;) {
    if (!e.next(parser)) {
      out.error = syntax_error(parser, b);
      return out;
    }
    const yaml_event_t& ev = *e;
    if (ev.type == YAML_STREAM_END_EVENT) break;
    if (ev.type == YAML_DOCUMENT_START_EVENT) {
      if (++documents == 1) continue;
      // A second document: where its first node is, or where it starts.
      yaml::Mark at = b.mark(ev.start_mark);
      if (!e.next(parser)) {
        out.error = syntax_error(parser, b);
        return out;
      }
      const yaml_event_t& first = *e;
      const bool empty = first.type == YAML_SCALAR_EVENT && first.data.scalar.length == 0;
      if (is_node(first.type) && !empty) at = b.mark(first.start_mark);
      out.second_document = at;
      break;
    }
    if (documents > 1) continue;
    if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
      SyntaxError too_large;
      if (!b.close(too_large)) {
        out.error = std::move(too_large);
        return out;
      }
      continue;
    }
    SyntaxError node_error;
    if (!b.node(ev, node_error)) {
      out.error = std::move(node_error);
      return out;
    }
  }
  if (!b.root)
    b.root = b.add(NodeData{Type::null, Style::block, {0, 0, 0}, 0, 0, 1, {}});  // an empty text
  out.root = TreeBuilder::make(std::move(b.tree), *b.root);
  return out;
}

}  // namespace carnet::load::yaml
