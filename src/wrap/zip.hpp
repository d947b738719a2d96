// RAII for libzip, writing archives in memory (EPUB and ODT packages).
// libzip reports errors through zip_error_t / zip_get_error, not return
// values alone, so every call here reads that channel into a SystemError.
// Closing a zip writes its central directory and can fail: ZipWriter::commit()
// does it and returns the bytes; a ZipWriter destroyed uncommitted discards.
//
// Entries get a fixed DOS time and date (zip_file_set_dostime, not
// zip_file_set_mtime, which goes through localtime() and so would make the
// bytes depend on the machine's time zone): same input, same bytes.
#pragma once

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipSourceDeleter {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

using ZipPtr = std::unique_ptr<zip_t, ZipDeleter>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceDeleter>;

class ZipWriter {
 public:
  enum class Compression { store, deflate };

  // `context` names the archive in error messages: "writing 'booklets/x.fr.epub'".
  explicit ZipWriter(std::string context) : context_(std::move(context)) {
    zip_error_t error;
    zip_error_init(&error);
    buffer_.reset(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer_) fail_with(&error);
    // The archive must not free the buffer on close: we read it afterwards.
    zip_source_keep(buffer_.get());
    archive_.reset(zip_open_from_source(buffer_.get(), ZIP_TRUNCATE, &error));
    if (!archive_) {
      zip_source_free(buffer_.get());  // drop the reference zip_source_keep added
      fail_with(&error);
    }
  }
  ~ZipWriter() = default;  // archive_ (declared last) is discarded before buffer_ is freed
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds an entry; `bytes` is copied. Entries are written in the order added.
  void add(const std::string& name, std::string_view bytes, Compression compression) {
    auto* copy = static_cast<char*>(std::malloc(bytes.size() ? bytes.size() : 1));
    if (!copy) throw base::SystemError(context_ + ": out of memory");
    std::memcpy(copy, bytes.data(), bytes.size());
    // freep = 1: libzip owns `copy` from here on, even when the call fails.
    zip_source_t* source = zip_source_buffer(archive_.get(), copy, bytes.size(), 1);
    if (!source) {
      std::free(copy);
      fail(name);
    }
    zip_int64_t index = zip_file_add(archive_.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      fail(name);
    }
    auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive_.get(), i,
                                 compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 9) < 0)
      fail(name);
    if (zip_file_set_dostime(archive_.get(), i, dos_time_, dos_date_, 0) < 0) fail(name);
  }

  // 1980-01-01 00:00 unless set: the earliest a zip can say. Applies to the
  // entries added afterwards.
  void set_date(int year, int month, int day) {
    dos_date_ = static_cast<zip_uint16_t>(((year - 1980) << 9) | (month << 5) | day);
  }

  // Writes the central directory and returns the archive's bytes.
  std::string commit() {
    if (zip_close(archive_.get()) < 0) fail("closing");
    archive_.release();  // zip_close freed it
    std::string out;
    if (zip_source_open(buffer_.get()) < 0) fail_source();
    char chunk[65536];
    for (;;) {
      zip_int64_t n = zip_source_read(buffer_.get(), chunk, sizeof chunk);
      if (n < 0) {
        zip_source_close(buffer_.get());
        fail_source();
      }
      if (n == 0) break;
      out.append(chunk, static_cast<size_t>(n));
    }
    zip_source_close(buffer_.get());
    return out;
  }

 private:
  [[noreturn]] void fail_with(zip_error_t* error) {
    std::string message = context_ + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw base::SystemError(message);
  }
  [[noreturn]] void fail(const std::string& what) {
    throw base::SystemError(context_ + ": " + what + ": " + zip_strerror(archive_.get()));
  }
  [[noreturn]] void fail_source() {
    throw base::SystemError(context_ + ": reading the archive back: " +
                            zip_error_strerror(zip_source_error(buffer_.get())));
  }

  std::string context_;
  zip_uint16_t dos_time_ = 0;
  zip_uint16_t dos_date_ = (0 << 9) | (1 << 5) | 1;
  ZipSourcePtr buffer_;
  ZipPtr archive_;
};

}  // namespace carnet::wrap
