// The YAML tree the readers walk: one document read with libyaml into a flat,
// read-only array of nodes (docs/decisions.md, "YAML with libyaml").
//
// A Node is a cheap handle (the tree's shared owner and an index); a node
// that a lookup did not find is "undefined". Scalars stay text: a reader
// decides what "2024" or "true" means, with its own messages. A plain scalar
// that is empty, "~" or "null" is a null node, as YAML's core schema says.
// Marks are 0-based, in bytes (libyaml counts characters: the tree converts).
#pragma once

#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::load::yaml {

struct Mark {
  int pos = -1;  // byte offset in the text
  int line = -1;
  int column = -1;  // in bytes
  bool is_null() const { return pos < 0 && line < 0 && column < 0; }
};

// Lists and maps one inside another: a plan's sections use three levels
// each. The readers walk the tree recursively, so a text nested deeper (a
// line of 200,000 "[") is an error rather than a stack overflow.
inline constexpr std::size_t max_depth = 1000;
// Nodes a reader visits, aliases followed: ten aliases of ten aliases… of a
// list make a short text that no walk ends ("billion laughs"). A text without
// aliases is never refused by this (its walk is its size).
inline constexpr std::uint64_t max_walked = 10'000'000;

enum class Type : std::uint8_t { undefined, null, scalar, sequence, map };
enum class Style : std::uint8_t { block, flow };

struct Tree;

class Node {
 public:
  class Iterator;
  Node() = default;  // undefined

  bool is_defined() const { return type() != Type::undefined; }
  explicit operator bool() const { return is_defined(); }
  bool is_null() const { return type() == Type::null; }
  bool is_scalar() const { return type() == Type::scalar; }
  bool is_sequence() const { return type() == Type::sequence; }
  bool is_map() const { return type() == Type::map; }
  Type type() const;
  Style style() const;
  yaml::Mark mark() const;  // null for an undefined node

  // The text of a scalar; empty for any other node.
  const std::string& scalar() const;
  // The text of a scalar, "null" for a null; `fallback` for anything else.
  std::string as_string(std::string_view fallback) const;
  // The same, but a map, a list or an undefined node throws yaml::Exception.
  std::string as_string() const;

  // Items of a list, entries of a map; 0 for anything else.
  std::size_t size() const;
  // The value of the first entry whose key is `key`; undefined if none or
  // not a map.
  Node operator[](std::string_view key) const;
  Node operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  Node operator[](const std::string& key) const { return (*this)[std::string_view(key)]; }
  // The item at `i` of a list; undefined past its end or if not a list.
  Node operator[](std::size_t i) const;
  Node operator[](int i) const { return i < 0 ? Node() : (*this)[static_cast<std::size_t>(i)]; }

  // Iterates over a list's items or a map's entries (nothing otherwise).
  Iterator begin() const;
  Iterator end() const;

  void reset(const Node& other) { *this = other; }

  // Calls f(text, mark) for each scalar a walk of this node reaches, in
  // the order iterating would (a map's key before its value), an alias
  // followed wherever it appears. Reads the tree itself: iterating makes
  // Nodes, each sharing the tree, for every item (a plan's check of every
  // text, 7 % of a build's instructions at 1,000 pages).
  void for_each_scalar(
      const std::function<void(const std::string& text, const yaml::Mark& mark)>& f) const;

 private:
  friend struct TreeBuilder;
  friend class Iterator;
  Node(std::shared_ptr<const Tree> tree, std::uint32_t index)
      : tree_(std::move(tree)), index_(index) {}
  std::uint32_t child(std::size_t k) const;

  std::shared_ptr<const Tree> tree_;
  std::uint32_t index_ = 0;
};

// What iterating gives: for a list, the item itself; for a map, the entry,
// with `first` the key and `second` the value (the entry as a node is
// undefined).
struct Entry : Node {
  Node first;
  Node second;
};

class Node::Iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Entry;
  using difference_type = std::ptrdiff_t;
  using pointer = const Entry*;
  using reference = const Entry&;

  Iterator() = default;
  const Entry& operator*() const { return entry_; }
  const Entry* operator->() const { return &entry_; }
  Iterator& operator++() {
    ++k_;
    load();
    return *this;
  }
  bool operator==(const Iterator& o) const { return k_ == o.k_; }

 private:
  friend class Node;
  Iterator(const Node* owner, std::size_t k) : owner_(owner), k_(k) { load(); }
  void load();

  const Node* owner_ = nullptr;
  std::size_t k_ = 0;
  Entry entry_;
};

// A reader's type error ("expected a map of files") at a node.
struct Exception : std::runtime_error {
  Exception(const yaml::Mark& m, const std::string& message)
      : std::runtime_error(message), mark(m), msg(message) {}
  yaml::Mark mark;
  std::string msg;
};

// Why libyaml could not read a text: its message and where.
struct SyntaxError {
  yaml::Mark mark;      // where reading failed
  std::string problem;  // "did not find expected key"
  std::string context;  // "while parsing a block mapping", or empty
  yaml::Mark context_mark;
};

// A text read as YAML: its first document, and where a second one starts.
struct Parsed {
  Node root;  // null for an empty text
  std::optional<yaml::Mark> second_document;
  std::optional<SyntaxError> error;  // when set, the rest is empty
};

// Reads `text` (UTF-8) up to the start of its second document, if any.
Parsed parse(std::string_view text);

// Whether a plain (unquoted, untagged) scalar with this text is a null.
bool null_text(std::string_view plain);

}  // namespace carnet::load::yaml
