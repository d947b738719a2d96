// An XLIFF file read back (libxml2) into a small tree that the exchange code
// walks: elements, attributes and their text. A DTD is refused and nothing
// is fetched, so a file cannot expand entities or reach the network. Names
// keep their prefix; `local_name()` drops it, since tools choose their own.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::translate::xml {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::unique_ptr<Element>> children;
  std::string text;  // all the character data inside, children's included, in order
  int line = 1;

  std::string local_name() const;
  const std::string* attribute(std::string_view local) const;
  std::vector<const Element*> children_named(std::string_view local) const;
  const Element* child(std::string_view local) const;
};

struct ParseError {
  int line = 1;
  int column = 1;
  std::string message;
};

// The root element, or the first error.
std::unique_ptr<Element> parse(std::string_view text, ParseError& error);

}  // namespace carnet::translate::xml
