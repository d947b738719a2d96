// A JSON text written as it is made, laid out byte for byte as nlohmann's
// dump(2) lays out a tree (two spaces a level, "key": value, {} and [] when
// empty), so that the open data reads the same as when it was a tree: a
// plan's tree of small objects, each key looked up in an ordered map and the
// whole walked again to write it, was 3 % of a large build.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::render::data {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next value's key, inside an object.
  void key(std::string_view k) {
    member();
    string_body(k);
    out_ += ": ";
    keyed_ = true;
  }

  void value(std::string_view s) {
    member();
    string_body(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b) {
    member();
    out_ += b ? "true" : "false";
  }
  void value(int64_t n) {
    member();
    out_ += std::to_string(n);
  }
  void value(int n) { value(static_cast<int64_t>(n)); }
  // As nlohmann writes a double: the shortest text that reads back the
  // same, "null" for NaN and infinities.
  void value(double d);
  void null() {
    member();
    out_ += "null";
  }
  template <class T>
  void value(const std::optional<T>& v) {
    if (v)
      value(*v);
    else
      null();
  }
  void value(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    end_array();
  }

  // key(k) then value(v).
  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  // Before a value: its separator and indentation, unless a key went first.
  void member() {
    if (keyed_) {
      keyed_ = false;
      return;
    }
    if (levels_.empty()) return;
    out_ += levels_.back()++ ? ",\n" : "\n";
    out_.append(2 * levels_.size(), ' ');
  }
  void open(char bracket) {
    member();
    out_ += bracket;
    levels_.push_back(0);
  }
  void close(char bracket) {
    const bool empty = levels_.back() == 0;
    levels_.pop_back();
    if (!empty) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
    out_ += bracket;
  }
  // A string between quotes, escaped as nlohmann escapes it (UTF-8 kept as
  // it is; a byte that is not UTF-8 becomes U+FFFD, as with its "replace").
  void string_body(std::string_view s);

  std::string& out_;
  std::vector<size_t> levels_;  // members written at each open level
  bool keyed_ = false;
};

}  // namespace carnet::render::data
