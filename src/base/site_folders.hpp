// The names Carnet gives to folders and files on its own account: the folders
// of a site that hold its sources (what the preview watches, and where a
// build's output must never go), and the entries of an output folder that
// are Carnet's bookkeeping rather than the site. Every reader and writer of
// those names takes them from here, so that a new one cannot be forgotten by
// one of them.
#pragma once

#include <string_view>

namespace carnet::base {

inline constexpr const char* site_source_folders[] = {"content", "static", "layouts",
                                                      "themes",  "i18n",   ".carnet"};

// Every bookkeeping entry of an output folder starts with this; no output
// file may (a static file so named would be taken for one of them).
inline constexpr std::string_view output_bookkeeping_prefix = ".carnet-";

// Where a build is written before it is swapped in.
inline constexpr std::string_view output_staging = ".carnet-staging";
// Where the old entries wait during the swap.
inline constexpr std::string_view output_retired = ".carnet-retired";
// The swap's journal: present exactly while a swap is under way.
inline constexpr std::string_view output_journal = ".carnet-swap";
// The manifest: the mark of a folder Carnet made, listing what it wrote.
inline constexpr std::string_view output_manifest = ".carnet-output";

// Entries of an output folder that a build never replaces nor counts as
// someone else's: a gh-pages worktree keeps its .git there.
inline constexpr std::string_view output_kept[] = {".git"};

// Suffix of a file being written beside the one it replaces (base::write_file).
inline constexpr std::string_view temporary_suffix = ".carnet-tmp";

}  // namespace carnet::base
