// A generic YAML-like value: front-matter keys Carnet does not know are kept
// as such and reach the templates unchanged. Maps keep the author's order.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace carnet::model {

struct Value {
  using List = std::vector<Value>;
  using Map = std::vector<std::pair<std::string, Value>>;
  std::variant<std::monostate, std::string, List, Map> data;

  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
  const std::string* as_string() const { return std::get_if<std::string>(&data); }
  const List* as_list() const { return std::get_if<List>(&data); }
  const Map* as_map() const { return std::get_if<Map>(&data); }
};

}  // namespace carnet::model
