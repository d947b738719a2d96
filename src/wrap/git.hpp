// RAII for libgit2 (Debian libgit2-dev), which load/plan_history reads the
// site's history with and the tests build repositories with. Every handle is
// a unique_ptr with a stateless deleter; libgit2 reports failures as negative
// return codes with the message in git_error_last(), which `check` turns into
// a GitError ("context: libgit2's message"). git_libgit2_init() runs once per
// process, from a function-static (thread-safe in C++11), before any handle
// is made; it is never shut down, since handles may outlive any one caller.
//
// libgit2 objects of one repository must not be used from two threads at
// once: Carnet uses them from the loading thread only.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

#include "base/system_error.hpp"

namespace carnet::wrap {

// A libgit2 failure: a corrupt or unreadable repository, a missing object.
class GitError : public base::SystemError {
 public:
  GitError(const std::string& message, int code) : base::SystemError(message), code_(code) {}
  int code() const { return code_; }  // GIT_ENOTFOUND, ...

 private:
  int code_;
};

inline void git_init() {
  static const int once = [] { return git_libgit2_init(); }();
  (void)once;
}

// libgit2's last error for this thread, or a fallback naming the code.
inline std::string git_message(int code) {
  const git_error* e = git_error_last();
  if (e && e->message && *e->message) return e->message;
  return "libgit2 error " + std::to_string(code);
}

// Throws a GitError "context: message" when `code` is negative; returns it otherwise.
inline int check(int code, const std::string& context) {
  if (code < 0) throw GitError(context + ": " + git_message(code), code);
  return code;
}

#define CARNET_GIT_DELETER(type, fn)          \
  struct type##Deleter {                      \
    void operator()(type* p) const { fn(p); } \
  };                                          \
  using type##Ptr = std::unique_ptr<type, type##Deleter>;

CARNET_GIT_DELETER(git_repository, git_repository_free)
CARNET_GIT_DELETER(git_commit, git_commit_free)
CARNET_GIT_DELETER(git_tree, git_tree_free)
CARNET_GIT_DELETER(git_tree_entry, git_tree_entry_free)
CARNET_GIT_DELETER(git_blob, git_blob_free)
CARNET_GIT_DELETER(git_revwalk, git_revwalk_free)
CARNET_GIT_DELETER(git_diff, git_diff_free)
CARNET_GIT_DELETER(git_object, git_object_free)
CARNET_GIT_DELETER(git_reference, git_reference_free)
CARNET_GIT_DELETER(git_index, git_index_free)
CARNET_GIT_DELETER(git_signature, git_signature_free)

#undef CARNET_GIT_DELETER

using RepositoryPtr = git_repositoryPtr;
using CommitPtr = git_commitPtr;
using TreePtr = git_treePtr;
using TreeEntryPtr = git_tree_entryPtr;
using BlobPtr = git_blobPtr;
using RevwalkPtr = git_revwalkPtr;
using DiffPtr = git_diffPtr;
using ObjectPtr = git_objectPtr;
using ReferencePtr = git_referencePtr;
using IndexPtr = git_indexPtr;
using SignaturePtr = git_signaturePtr;

inline CommitPtr lookup_commit(git_repository* repo, const git_oid& id) {
  git_init();
  git_commit* c = nullptr;
  check(git_commit_lookup(&c, repo, &id), std::string("reading commit ") + git_oid_tostr_s(&id));
  return CommitPtr(c);
}

inline TreePtr commit_tree(const git_commit* commit) {
  git_tree* t = nullptr;
  check(git_commit_tree(&t, commit),
        std::string("reading the tree of commit ") + git_oid_tostr_s(git_commit_id(commit)));
  return TreePtr(t);
}

inline BlobPtr lookup_blob(git_repository* repo, const git_oid& id) {
  git_blob* b = nullptr;
  check(git_blob_lookup(&b, repo, &id), std::string("reading blob ") + git_oid_tostr_s(&id));
  return BlobPtr(b);
}

inline std::string blob_text(const git_blob* blob) {
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob)),
                     static_cast<size_t>(git_blob_rawsize(blob)));
}

// The full hexadecimal id.
inline std::string oid_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

}  // namespace carnet::wrap
