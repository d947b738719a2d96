// RAII for libyaml (Debian libyaml-dev), the YAML parser load/ builds its
// trees from. libyaml's parser and events are structs the caller owns, not
// pointers: each lives in a small class whose destructor releases what the
// library allocated inside it. A failed yaml_parser_parse leaves its message
// in the parser (problem, context and their marks).
#pragma once

#include <yaml.h>

#include <cstddef>
#include <string_view>

namespace carnet::wrap {

class YamlParser {
 public:
  // Reads `text`, which must outlive the parser (libyaml does not copy it).
  // A byte order mark that an editor wrote is skipped here: told the text is
  // UTF-8, libyaml refuses one followed by a key ("did not find expected
  // <document start>").
  explicit YamlParser(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
      skipped_ = 3;
    }
    text_ = text;
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                   text.size());
    }
  }
  ~YamlParser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  YamlParser(const YamlParser&) = delete;
  YamlParser& operator=(const YamlParser&) = delete;

  // False only when libyaml could not allocate its buffers.
  bool initialized() const { return ok_; }
  // What libyaml reads (the text without its byte order mark), and how many
  // bytes came before it: its marks count from there.
  std::string_view text() const { return text_; }
  std::size_t skipped() const { return skipped_; }
  yaml_parser_t& get() { return parser_; }
  const yaml_parser_t& get() const { return parser_; }

 private:
  yaml_parser_t parser_{};
  std::string_view text_;
  std::size_t skipped_ = 0;
  bool ok_ = false;
};

class YamlEvent {
 public:
  YamlEvent() = default;
  ~YamlEvent() { clear(); }
  YamlEvent(const YamlEvent&) = delete;
  YamlEvent& operator=(const YamlEvent&) = delete;

  // The next event of `parser`, replacing this one; false on a syntax error
  // (the parser holds the message).
  bool next(YamlParser& parser) {
    clear();
    held_ = yaml_parser_parse(&parser.get(), &event_) != 0;
    return held_;
  }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }

 private:
  void clear() {
    if (held_) yaml_event_delete(&event_);
    held_ = false;
  }
  yaml_event_t event_{};
  bool held_ = false;
};

}  // namespace carnet::wrap
