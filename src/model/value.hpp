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
  using Data = std::variant<std::monostate, std::string, List, Map>;
  Data data;

  // The destructor is declared here and defined below, once Value is
  // complete: clang with libstdc++ 12 (the fuzz build) otherwise
  // instantiates it while std::pair<std::string, Value> is incomplete and
  // fails. Declaring it takes the implicit moves away, hence the rest.
  Value() = default;
  Value(Data d) : data(std::move(d)) {}
  Value(const Value&) = default;
  Value(Value&&) noexcept = default;
  Value& operator=(const Value&) = default;
  Value& operator=(Value&&) noexcept = default;
  ~Value();

  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
  const std::string* as_string() const { return std::get_if<std::string>(&data); }
  const List* as_list() const { return std::get_if<List>(&data); }
  const Map* as_map() const { return std::get_if<Map>(&data); }
};

inline Value::~Value() = default;

}  // namespace carnet::model
