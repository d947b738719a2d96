// A Git repository in a scratch folder, made with libgit2 (no `git` program
// needed): write files, commit them at a given date, tag. For the tests of
// plan histories (load/plan_history) and `carnet changes`.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include "base/fs.hpp"
#include "wrap/git.hpp"

namespace carnet::test {

class GitRepo {
 public:
  explicit GitRepo(const std::filesystem::path& dir) : dir_(dir) {
    wrap::git_init();
    git_repository* r = nullptr;
    wrap::check(git_repository_init(&r, dir.c_str(), 0), "init");
    repo_.reset(r);
  }

  void write(const std::string& rel, const std::string& text) {
    std::filesystem::create_directories((dir_ / rel).parent_path());
    base::write_file(dir_ / rel, text);
  }
  void remove(const std::string& rel) { std::filesystem::remove(dir_ / rel); }
  void rename(const std::string& from, const std::string& to) {
    std::filesystem::create_directories((dir_ / to).parent_path());
    std::filesystem::rename(dir_ / from, dir_ / to);
  }

  // Commits every file of the folder as it is, at noon UTC of `day` (YYYY-MM-DD).
  std::string commit(const std::string& day, const std::string& message) {
    git_index* i = nullptr;
    wrap::check(git_repository_index(&i, repo_.get()), "index");
    wrap::IndexPtr index(i);
    wrap::check(git_index_add_all(index.get(), nullptr, 0, nullptr, nullptr), "add");
    wrap::check(git_index_update_all(index.get(), nullptr, nullptr, nullptr), "update");
    wrap::check(git_index_write(index.get()), "write index");
    git_oid tree_id, commit_id;
    wrap::check(git_index_write_tree(&tree_id, index.get()), "write tree");
    git_tree* t = nullptr;
    wrap::check(git_tree_lookup(&t, repo_.get(), &tree_id), "tree");
    wrap::TreePtr tree(t);
    std::tm tm{};
    tm.tm_year = std::stoi(day.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(day.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(day.substr(8, 2));
    tm.tm_hour = 12;
    git_signature* s = nullptr;
    wrap::check(git_signature_new(&s, "Test", "test@example.org", timegm(&tm), 0), "signature");
    wrap::SignaturePtr sig(s);
    wrap::CommitPtr parent;
    git_oid head;
    if (git_reference_name_to_id(&head, repo_.get(), "HEAD") == 0)
      parent = wrap::lookup_commit(repo_.get(), head);
    const git_commit* parents[] = {parent.get()};
    wrap::check(git_commit_create(&commit_id, repo_.get(), "HEAD", sig.get(), sig.get(), nullptr,
                                  message.c_str(), tree.get(), parent ? 1 : 0, parents),
                "commit");
    return wrap::oid_hex(commit_id);
  }

  void tag(const std::string& name) {
    git_object* o = nullptr;
    wrap::check(git_revparse_single(&o, repo_.get(), "HEAD"), "HEAD");
    wrap::ObjectPtr head(o);
    git_oid id;
    wrap::check(git_tag_create_lightweight(&id, repo_.get(), name.c_str(), head.get(), 0), "tag");
  }

  git_repository* get() { return repo_.get(); }

 private:
  std::filesystem::path dir_;
  wrap::RepositoryPtr repo_;
};

}  // namespace carnet::test
