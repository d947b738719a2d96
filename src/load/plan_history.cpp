// How a plan's history is read (docs/decisions.md, "Plan history from Git"):
//
// 1. One first-parent walk from HEAD lists the commits, newest first, with
//    their trees; every plan is followed along that one list.
// 2. For each plan, the blob of its path in each commit. A commit whose folder
//    of the plan has the same tree id as in the newer commit has the same
//    blob, so most lookups are one map read. Where the path is missing in the
//    older commit but present in the newer, the file was added or renamed:
//    libgit2's rename detection between the two trees (once per commit pair),
//    else a plan file deleted in that commit whose action ids overlap most,
//    gives the older path.
// 3. Every distinct blob needed (the versions after the reference, the
//    version at it) is read once, then parsed once, in parallel; libgit2 is
//    only used from the calling thread (its handles of one repository are not
//    safe to share across threads). A committed version with the same bytes
//    as the loaded file reuses the loaded plan.
#include "load/plan_history.hpp"
#include "base/rel_path.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "base/parallel.hpp"
#include "load/plan_reader.hpp"
#include "load/yaml_tree.hpp"
#include "wrap/git.hpp"
#include "wrap/yaml.hpp"

namespace carnet::load {

namespace fs = std::filesystem;
using wrap::check;
using wrap::GitError;

base::Date utc_day(long long seconds) {
  long long days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  // Days since 1970-01-01 to a proleptic Gregorian date, counting in
  // 400-year eras that start on 1 March (so the leap day ends a year).
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

namespace {

// Actions are the mappings of a sequence under the key `actions`, at any depth.
class StatusScanner {
 public:
  bool ok = true;
  ActionStatuses out;

  // One event of the first document.
  void on(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        const std::string text(reinterpret_cast<const char*>(s.value), s.length);
        const bool null =
            s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit && yaml::null_text(text);
        value(s.anchor != nullptr, null ? nullptr : &text);
        break;
      }
      case YAML_ALIAS_EVENT:
        ok = false;
        break;
      case YAML_SEQUENCE_START_EVENT:
        open(e.data.sequence_start.anchor != nullptr, false);
        break;
      case YAML_MAPPING_START_EVENT:
        open(e.data.mapping_start.anchor != nullptr, true);
        break;
      case YAML_SEQUENCE_END_EVENT:
        close();
        break;
      case YAML_MAPPING_END_EVENT: {
        Frame& f = stack_.back();
        if (f.action) {
          if (f.id.empty()) ok = false;
          out.push_back({f.id, f.status});
        }
        close();
        break;
      }
      default:
        break;
    }
  }

 private:
  struct Frame {
    bool map = false;
    std::string key;       // the key this container is the value of
    bool want_key = true;  // a map: the next scalar is a key
    std::string pending;   // a map: the key waiting for its value
    bool action = false;
    std::string id;
    model::Status status = model::Status::planned;
  };

  void open(bool anchor, bool map) {
    if (anchor) ok = false;
    Frame f;
    f.map = map;
    if (!stack_.empty()) {
      Frame& parent = stack_.back();
      if (parent.map) {
        f.key = parent.want_key ? "" : parent.pending;
        if (parent.want_key) ok = false;  // a complex key
      }
      f.action = map && !parent.map && parent.key == "actions";
    }
    stack_.push_back(std::move(f));
  }
  void close() {
    stack_.pop_back();
    if (!stack_.empty() && stack_.back().map) stack_.back().want_key = true;
  }
  void value(bool anchor, const std::string* text) {
    if (anchor) ok = false;
    if (stack_.empty() || !stack_.back().map) return;
    Frame& f = stack_.back();
    if (f.want_key) {
      f.pending = text ? *text : "";
      f.want_key = false;
      return;
    }
    f.want_key = true;
    if (!f.action) return;
    if (f.pending == "id") {
      if (!text) ok = false;
      f.id = text ? *text : "";
    } else if (f.pending == "status") {
      auto st = text ? model::parse_status(*text) : std::nullopt;
      if (!st) ok = false;
      f.status = st.value_or(model::Status::planned);
    }
  }

  std::vector<Frame> stack_;
};

const git_oid kNone{};  // all zeros: the path is not in that commit

bool same(const git_oid& a, const git_oid& b) { return git_oid_equal(&a, &b) != 0; }
bool none(const git_oid& a) { return same(a, kNone); }
std::string short_id(const git_oid& id) { return wrap::oid_hex(id).substr(0, 7); }

struct OidLess {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_cmp(&a, &b) < 0; }
};

template <class F>
void for_each_action(const std::vector<model::PlanSection>& sections, F&& f) {
  for (const auto& s : sections) {
    for (const auto& a : s.actions) f(a);
    for_each_action(s.sections, f);
  }
}

std::shared_ptr<const ActionStatuses> statuses_of_plan(const model::Plan& plan) {
  auto out = std::make_shared<ActionStatuses>();
  for_each_action(plan.sections, [&](const model::Action& a) { out->push_back({a.id, a.status}); });
  return out;
}

std::set<std::string> action_ids(const model::Plan& plan) {
  std::set<std::string> ids;
  for_each_action(plan.sections, [&](const model::Action& a) { ids.insert(a.id); });
  return ids;
}

struct Commit {
  git_oid id;
  long long time = 0;
  base::Date day;
  wrap::TreePtr tree;
  std::map<std::string, git_oid> dirs;  // folder → its tree id, as looked up
};

// A `since` resolved to a commit.
struct Ref {
  git_oid id;
  long long time = 0;
  base::Date day;
  wrap::TreePtr tree;
  std::optional<size_t> on_chain;  // its index in the first-parent list
};

class HistoryReader {
 public:
  HistoryReader(git_repository* repo, std::string prefix, const std::vector<std::string>& languages,
                HistoryCache* cache)
      : repo_(repo), prefix_(std::move(prefix)), languages_(languages), cache_(cache) {}

  void walk() {
    git_revwalk* w = nullptr;
    check(git_revwalk_new(&w, repo_), "reading the history");
    wrap::RevwalkPtr walk(w);
    check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL), "reading the history");
    git_revwalk_simplify_first_parent(walk.get());
    int rc = git_revwalk_push_head(walk.get());
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return;  // no commit yet
    check(rc, "reading HEAD");
    git_oid id;
    while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
      auto commit = wrap::lookup_commit(repo_, id);
      Commit c;
      c.id = id;
      c.time = git_commit_time(commit.get());
      c.day = utc_day(c.time);
      c.tree = wrap::commit_tree(commit.get());
      chain_.push_back(std::move(c));
    }
    if (rc != GIT_ITEROVER) check(rc, "reading the history");
  }

  // nullopt with `error` set when `spec` names no commit.
  std::optional<Ref> resolve(const std::string& spec, std::string& error) {
    git_object* obj = nullptr;
    int rc = git_revparse_single(&obj, repo_, spec.c_str());
    if (rc == 0) {
      wrap::ObjectPtr found(obj);
      git_object* peeled = nullptr;
      if (git_object_peel(&peeled, found.get(), GIT_OBJECT_COMMIT) < 0) {
        error = "names a Git object that is not a commit";
        return std::nullopt;
      }
      wrap::ObjectPtr commit_obj(peeled);
      return ref_of(*git_object_id(commit_obj.get()));
    }
    if (rc != GIT_ENOTFOUND && rc != GIT_EAMBIGUOUS && rc != GIT_EINVALIDSPEC)
      check(rc, "looking up \"" + spec + "\"");
    if (spec.size() == 10) {
      if (auto day = base::parse_full_date(spec)) {
        for (size_t i = 0; i < chain_.size(); ++i)
          if (chain_[i].day <= *day) return ref_of(chain_[i].id);
        error = chain_.empty() ? "the repository has no commit yet"
                               : "no commit on or before " + spec + " (the first is from " +
                                     chain_.back().day.iso() + ")";
        return std::nullopt;
      }
    }
    error = "is not a tag, branch or commit of this repository, nor a date";
    return std::nullopt;
  }

  // Follows one plan along the first-parent list: its blob and path in each commit.
  struct Track {
    std::vector<git_oid> blobs;  // per commit of the chain; kNone where absent
    std::vector<std::string> paths;
  };
  Track track(const std::string& path) {
    Track t;
    t.blobs.assign(chain_.size(), kNone);
    t.paths.assign(chain_.size(), "");
    std::string p = path;
    for (size_t i = 0; i < chain_.size(); ++i) {
      if (i > 0 && p == t.paths[i - 1] &&
          same(dir_id(i, base::parent_dir(p)), dir_id(i - 1, base::parent_dir(p))))
        t.blobs[i] = t.blobs[i - 1];
      else
        t.blobs[i] = blob_in(chain_[i].tree.get(), p);
      t.paths[i] = p;
      if (none(t.blobs[i])) {
        if (i == 0) return t;  // not committed
        // Added or renamed in commit i-1: look for where it came from.
        auto from = renamed_from(chain_[i].tree.get(), chain_[i - 1].tree.get(), t.paths[i - 1],
                                 renames_at(i - 1), t.blobs[i - 1]);
        if (!from) return t;
        p = *from;
        t.paths[i] = p;
        t.blobs[i] = blob_in(chain_[i].tree.get(), p);
        if (none(t.blobs[i])) return t;
      }
    }
    return t;
  }

  // The blob of the plan at `ref`, not on the first-parent list, whose path at HEAD is `path`.
  git_oid blob_at(Ref& ref, const std::string& path, const git_oid& head_blob, std::string& found) {
    found = path;
    git_oid b = blob_in(ref.tree.get(), path);
    if (!none(b) || chain_.empty()) return b;
    const auto key = wrap::oid_hex(ref.id);
    auto it = ref_renames_.find(key);
    if (it == ref_renames_.end())
      it = ref_renames_.emplace(key, renames(ref.tree.get(), chain_[0].tree.get())).first;
    auto from = renamed_from(ref.tree.get(), chain_[0].tree.get(), path, it->second, head_blob);
    if (!from) return kNone;
    found = *from;
    return blob_in(ref.tree.get(), *from);
  }

  // The parsed plan of a blob (nullptr when it does not parse); parsed once.
  std::shared_ptr<const model::Plan> plan_of(const git_oid& blob, const std::string& path) {
    if (none(blob)) return nullptr;
    auto it = parsed_.find(blob);
    if (it != parsed_.end()) return it->second;
    parse_all({{blob, path}});
    return parsed_[blob];
  }

  // Parses every blob not parsed yet, in parallel; libgit2 reads stay here.
  void parse_all(const std::vector<std::pair<git_oid, std::string>>& wanted) {
    std::vector<std::pair<git_oid, std::string>> todo;  // blob, source
    std::vector<std::string> texts;
    for (const auto& [blob, path] : wanted) {
      if (none(blob) || parsed_.count(blob)) continue;
      if (cache_)
        if (auto hit = cache_->plans.find(wrap::oid_hex(blob)); hit != cache_->plans.end()) {
          parsed_[blob] = hit->second;
          continue;
        }
      parsed_[blob] = nullptr;  // claimed: each blob once
      todo.push_back({blob, site_path(path)});
      texts.push_back(wrap::blob_text(wrap::lookup_blob(repo_, blob).get()));
    }
    std::vector<std::shared_ptr<const model::Plan>> out(todo.size());
    base::parallel_for(todo.size(), [&](size_t i) {
      // An old version's own errors are not this build's: they are dropped.
      base::Diagnostics ignored;
      if (auto plan = read_plan(texts[i], todo[i].second, languages_, ignored))
        out[i] = std::make_shared<const model::Plan>(std::move(*plan));
    });
    for (size_t i = 0; i < todo.size(); ++i) parsed_[todo[i].first] = std::move(out[i]);
  }

  // The actions' statuses of a version scanned by scan_all (nullptr when it does not parse).
  std::shared_ptr<const ActionStatuses> statuses_of(const git_oid& blob) {
    auto it = statuses_.find(blob);
    return it == statuses_.end() ? nullptr : it->second;
  }

  // The statuses of every version not known yet: from a plan parsed already,
  // else scanned (scan_action_statuses), else parsed; in parallel.
  void scan_all(const std::vector<std::pair<git_oid, std::string>>& wanted) {
    std::vector<std::pair<git_oid, std::string>> todo;
    std::vector<std::string> texts;
    for (const auto& [blob, path] : wanted) {
      if (none(blob) || statuses_.count(blob)) continue;
      if (auto p = parsed_.find(blob); p != parsed_.end() && p->second) {
        statuses_[blob] = statuses_of_plan(*p->second);
        continue;
      }
      if (cache_)
        if (auto hit = cache_->statuses.find(wrap::oid_hex(blob)); hit != cache_->statuses.end()) {
          statuses_[blob] = hit->second;
          continue;
        }
      statuses_[blob] = nullptr;
      todo.push_back({blob, site_path(path)});
      texts.push_back(wrap::blob_text(wrap::lookup_blob(repo_, blob).get()));
    }
    std::vector<std::shared_ptr<const ActionStatuses>> out(todo.size());
    base::parallel_for(todo.size(), [&](size_t i) {
      if (auto fast = scan_action_statuses(texts[i])) {
        out[i] = std::make_shared<const ActionStatuses>(std::move(*fast));
        return;
      }
      base::Diagnostics ignored;
      if (auto plan = read_plan(texts[i], todo[i].second, languages_, ignored))
        out[i] = statuses_of_plan(*plan);
    });
    for (size_t i = 0; i < todo.size(); ++i) statuses_[todo[i].first] = std::move(out[i]);
  }

  // A version whose bytes are those of the loaded file is the loaded plan.
  void know(const git_oid& blob, std::shared_ptr<const model::Plan> plan) {
    parsed_.emplace(blob, std::move(plan));
  }

  // Leaves in the cache the versions this load used, and only those.
  void keep_in_cache() {
    if (!cache_) return;
    cache_->plans.clear();
    for (const auto& [blob, plan] : parsed_) cache_->plans[wrap::oid_hex(blob)] = plan;
    cache_->statuses.clear();
    for (const auto& [blob, st] : statuses_) cache_->statuses[wrap::oid_hex(blob)] = st;
  }

  const std::vector<Commit>& chain() const { return chain_; }
  std::string repo_path(const std::string& source) const { return prefix_ + source; }
  std::string site_path(const std::string& path) const {
    return path.rfind(prefix_, 0) == 0 ? path.substr(prefix_.size()) : path;
  }

 private:
  Ref ref_of(const git_oid& id) {
    auto commit = wrap::lookup_commit(repo_, id);
    Ref r;
    r.id = id;
    r.time = git_commit_time(commit.get());
    r.day = utc_day(r.time);
    r.tree = wrap::commit_tree(commit.get());
    for (size_t i = 0; i < chain_.size(); ++i)
      if (same(chain_[i].id, id)) {
        r.on_chain = i;
        break;
      }
    return r;
  }

  git_oid entry_id(git_tree* tree, const std::string& path, git_object_t type) {
    if (path.empty()) return type == GIT_OBJECT_TREE ? *git_tree_id(tree) : kNone;
    git_tree_entry* e = nullptr;
    int rc = git_tree_entry_bypath(&e, tree, path.c_str());
    if (rc == GIT_ENOTFOUND) return kNone;
    check(rc, "reading '" + path + "'");
    wrap::TreeEntryPtr entry(e);
    return git_tree_entry_type(e) == type ? *git_tree_entry_id(e) : kNone;
  }
  git_oid blob_in(git_tree* tree, const std::string& path) {
    return entry_id(tree, path, GIT_OBJECT_BLOB);
  }
  git_oid dir_id(size_t i, const std::string& dir) {
    auto& dirs = chain_[i].dirs;
    auto it = dirs.find(dir);
    if (it == dirs.end())
      it = dirs.emplace(dir, entry_id(chain_[i].tree.get(), dir, GIT_OBJECT_TREE)).first;
    return it->second;
  }

  // New path → old path of the files Git sees renamed from `older` to `newer`.
  std::map<std::string, std::string> renames(git_tree* older, git_tree* newer) {
    git_diff* d = nullptr;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    check(git_diff_tree_to_tree(&d, repo_, older, newer, &opts), "comparing two commits");
    wrap::DiffPtr diff(d);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    check(git_diff_find_similar(diff.get(), &find), "finding renamed files");
    std::map<std::string, std::string> out;
    for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
      if (delta->status == GIT_DELTA_RENAMED) out[delta->new_file.path] = delta->old_file.path;
    }
    return out;
  }
  const std::map<std::string, std::string>& renames_at(size_t newer) {
    auto it = chain_renames_.find(newer);
    if (it == chain_renames_.end())
      it = chain_renames_
               .emplace(newer, renames(chain_[newer + 1].tree.get(), chain_[newer].tree.get()))
               .first;
    return it->second;
  }

  // The path in `older` of the file at `path` in `newer`: Git's rename, else
  // the plan file of the site that `newer` no longer has and whose action
  // ids overlap most with the plan's (a plan rewritten while moved).
  std::optional<std::string> renamed_from(git_tree* older, git_tree* newer, const std::string& path,
                                          const std::map<std::string, std::string>& renamed,
                                          const git_oid& newer_blob) {
    if (auto it = renamed.find(path); it != renamed.end()) return it->second;
    auto plan = plan_of(newer_blob, path);
    if (!plan) return std::nullopt;
    const auto ids = action_ids(*plan);
    if (ids.empty()) return std::nullopt;
    std::vector<std::pair<std::string, git_oid>> candidates;
    struct Walk {
      std::string root;
      std::vector<std::pair<std::string, git_oid>>* out;
    } walk{prefix_ + "content/", &candidates};
    check(git_tree_walk(
              older, GIT_TREEWALK_PRE,
              [](const char* dir, const git_tree_entry* e, void* payload) -> int {
                auto* w = static_cast<Walk*>(payload);
                std::string path = std::string(dir) + git_tree_entry_name(e);
                if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
                  // Only folders on the way to content/ or inside it.
                  return (w->root.rfind(path + "/", 0) == 0 || path.rfind(w->root, 0) == 0) ? 0 : 1;
                if (path.rfind(w->root, 0) == 0 && path.size() > 10 &&
                    path.compare(path.size() - 10, 10, ".plan.yaml") == 0)
                  w->out->push_back({path, *git_tree_entry_id(e)});
                return 0;
              },
              &walk),
          "listing plan files");
    std::vector<std::pair<git_oid, std::string>> wanted;
    std::vector<std::pair<std::string, git_oid>> gone;
    for (const auto& [p, blob] : candidates)
      if (none(blob_in(newer, p))) {
        gone.push_back({p, blob});
        wanted.push_back({blob, p});
      }
    parse_all(wanted);
    std::optional<std::string> best;
    size_t best_overlap = 0;
    for (const auto& [p, blob] : gone) {  // sorted by path: ties go to the first
      auto old = parsed_[blob];
      if (!old) continue;
      size_t overlap = 0;
      for (const auto& id : action_ids(*old)) overlap += ids.count(id);
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = p;
      }
    }
    return best;
  }

  git_repository* repo_;
  std::string prefix_;  // the site folder in the repository: "" or "site/"
  const std::vector<std::string>& languages_;
  std::vector<Commit> chain_;  // HEAD first, then its first parents
  std::map<size_t, std::map<std::string, std::string>> chain_renames_;
  std::map<std::string, std::map<std::string, std::string>> ref_renames_;
  HistoryCache* cache_;
  std::map<git_oid, std::shared_ptr<const model::Plan>, OidLess> parsed_;
  std::map<git_oid, std::shared_ptr<const ActionStatuses>, OidLess> statuses_;
};

struct SinceUse {
  std::string spec;
  base::SourcePos pos;
  std::string key;  // "tracking.since" or "since"
};

std::string not_in_git(const SinceUse& s) {
  return s.key + ": the site is not in a Git repository, so \"" + s.spec +
         "\" cannot be looked up; remove `since` or keep the site in Git";
}

// One plan's history from its track along the first-parent list.
void fill(model::PlanHistory& h, HistoryReader& reader, const HistoryReader::Track& t,
          const std::shared_ptr<const model::Plan>& before_plan, const git_oid& before_blob,
          size_t start) {
  const auto& chain = reader.chain();
  for (size_t i = 0; i < chain.size(); ++i) {
    if (none(t.blobs[i])) break;
    if (i + 1 == chain.size() || !same(t.blobs[i], t.blobs[i + 1])) {
      h.last_change = chain[i].day;
      break;
    }
  }
  // The status of every action as last seen; an action seen for the first
  // time (after the reference, or ever) enters with no `from`.
  std::map<std::string, model::Status> known;
  if (before_plan)
    for_each_action(before_plan->sections,
                    [&](const model::Action& a) { known.emplace(a.id, a.status); });
  git_oid previous = before_blob;
  for (size_t i = start; i-- > 0;) {
    const git_oid& blob = t.blobs[i];
    if (none(blob) || same(blob, previous)) continue;
    previous = blob;
    auto statuses = reader.statuses_of(blob);
    if (!statuses) continue;  // a version that does not parse says nothing
    for (const auto& [id, status] : *statuses) {
      auto it = known.find(id);
      if (it != known.end() && it->second == status) continue;
      model::StatusChange c;
      c.date = chain[i].day;
      c.commit = short_id(chain[i].id);
      if (it != known.end()) c.from = it->second;
      c.to = status;
      h.status_history[id].push_back(c);
      known[id] = status;
    }
  }
}

void read_with(git_repository* repo, const std::string& prefix, std::vector<model::Plan>& plans,
               const std::optional<SinceUse>& site_since, const std::vector<std::string>& languages,
               const std::map<std::string, std::string>& texts, base::Diagnostics& diags,
               HistoryCache* cache) {
  HistoryReader reader(repo, prefix, languages, cache);
  reader.walk();
  const auto& chain = reader.chain();

  // Every reference once; the site's is checked even when every plan has its own.
  std::map<std::string, std::optional<Ref>> refs;
  std::map<std::string, std::string> ref_errors;
  auto resolve = [&](const SinceUse& use) -> Ref* {
    auto it = refs.find(use.spec);
    if (it == refs.end()) {
      std::string error;
      it = refs.emplace(use.spec, reader.resolve(use.spec, error)).first;
      ref_errors[use.spec] = error;
    }
    if (!it->second) {
      diags.error(use.pos, use.key + ": \"" + use.spec + "\" " + ref_errors[use.spec]);
      return nullptr;
    }
    return &*it->second;
  };
  if (site_since) resolve(*site_since);

  struct Work {
    HistoryReader::Track track;
    Ref* ref = nullptr;
    std::string since;
    git_oid before_blob = kNone;
    std::string before_path;
    size_t start = 0;
  };
  std::vector<Work> work(plans.size());
  std::vector<std::pair<git_oid, std::string>> wanted, versions;
  for (size_t p = 0; p < plans.size(); ++p) {
    auto& plan = plans[p];
    Work& w = work[p];
    const std::string path = reader.repo_path(plan.source);
    w.track = reader.track(path);
    std::optional<SinceUse> use;
    if (!plan.since.empty())
      use = SinceUse{plan.since, plan.since_pos, "since"};
    else
      use = site_since;
    w.start = chain.size();
    if (use) {
      w.since = use->spec;
      if (plan.since.empty()) {  // the site's, resolved (and reported) once above
        auto& ref = refs.at(use->spec);
        w.ref = ref ? &*ref : nullptr;
      } else {
        w.ref = resolve(*use);
      }
    }
    if (w.ref) {
      if (w.ref->on_chain) {
        w.start = *w.ref->on_chain;
        w.before_blob = w.track.blobs[w.start];
        w.before_path = w.track.paths[w.start];
      } else {
        w.start = chain.size();
        for (size_t i = 0; i < chain.size(); ++i)
          if (chain[i].time <= w.ref->time) {
            w.start = i;
            break;
          }
        w.before_blob =
            reader.blob_at(*w.ref, path, chain.empty() ? kNone : w.track.blobs[0], w.before_path);
      }
      wanted.push_back({w.before_blob, w.before_path});
    }
    if (auto t = texts.find(plan.source); t != texts.end() && !chain.empty()) {
      git_oid loaded;
      if (git_odb_hash(&loaded, t->second.data(), t->second.size(), GIT_OBJECT_BLOB) == 0) {
        model::Plan copy = plan;
        copy.history.reset();
        reader.know(loaded, std::make_shared<const model::Plan>(std::move(copy)));
      }
    }
    git_oid previous = w.before_blob;
    for (size_t i = w.start; i-- > 0;)
      if (!none(w.track.blobs[i]) && !same(w.track.blobs[i], previous)) {
        versions.push_back({w.track.blobs[i], w.track.paths[i]});
        previous = w.track.blobs[i];
      }
  }
  reader.parse_all(wanted);
  reader.scan_all(versions);

  for (size_t p = 0; p < plans.size(); ++p) {
    Work& w = work[p];
    auto h = std::make_shared<model::PlanHistory>();
    h->since = w.since;
    std::shared_ptr<const model::Plan> before;
    if (w.ref) {
      h->since_date = w.ref->day;
      h->since_commit = short_id(w.ref->id);
      h->existed_then = !none(w.before_blob);
      before = reader.plan_of(w.before_blob, w.before_path);
      h->before = before;
    }
    fill(*h, reader, w.track, before, w.before_blob, w.start);
    plans[p].history = std::move(h);
  }
  reader.keep_in_cache();
}

}  // namespace

std::optional<ActionStatuses> scan_action_statuses(const std::string& yaml) {
  wrap::YamlParser parser(yaml);
  if (!parser.initialized()) return std::nullopt;
  StatusScanner scanner;
  wrap::YamlEvent e;
  for (;;) {
    if (!e.next(parser)) return std::nullopt;
    if (e->type == YAML_DOCUMENT_END_EVENT || e->type == YAML_STREAM_END_EVENT) break;
    scanner.on(*e);
  }
  if (!scanner.ok) return std::nullopt;
  return std::move(scanner.out);
}

void read_plan_histories(const fs::path& root, std::vector<model::Plan>& plans,
                         const model::TrackingSettings& tracking,
                         const std::vector<std::string>& languages,
                         const std::map<std::string, std::string>& texts, base::Diagnostics& diags,
                         HistoryCache* cache) {
  std::optional<SinceUse> site_since;
  if (!tracking.since.empty())
    site_since = SinceUse{tracking.since, tracking.since_pos,
                          tracking.since_pos.path == "--since" ? "--since" : "tracking.since"};
  std::vector<SinceUse> uses;  // every `since` in force, for errors about the repository
  if (site_since) uses.push_back(*site_since);
  for (const auto& plan : plans)
    if (!plan.since.empty()) uses.push_back({plan.since, plan.since_pos, "since"});

  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
  // No `.git` anywhere above the site: not in Git, and no need to start
  // libgit2, whose start-up (TLS certificates) costs more than a small build.
  bool dot_git = false;
  for (fs::path dir = abs; !dot_git; dir = dir.parent_path()) {
    dot_git = fs::exists(dir / ".git", ec);
    if (dir == dir.parent_path()) break;
  }
  if (!dot_git) {
    for (const auto& u : uses) diags.error(u.pos, not_in_git(u));
    return;
  }
  wrap::git_init();
  git_repository* r = nullptr;
  // GIT_CEILING_DIRECTORIES as Git reads it: the search stops below those
  // folders (the test suite uses it for the fixtures inside Carnet's repository).
  const char* ceiling = std::getenv("GIT_CEILING_DIRECTORIES");
  int rc = git_repository_open_ext(&r, abs.c_str(), 0, ceiling && *ceiling ? ceiling : nullptr);
  wrap::RepositoryPtr repo(r);
  auto unreadable = [&](const std::string& why) {
    for (auto& plan : plans) plan.history.reset();
    if (uses.empty()) {
      diags.warning({"carnet.yaml", 0, 0}, "the site's Git repository cannot be read (" + why +
                                               "); plans get no dates or history from Git");
      return;
    }
    for (const auto& u : uses)
      diags.error(u.pos, u.key + ": the site's Git repository cannot be read, so \"" + u.spec +
                             "\" cannot be looked up: " + why);
  };
  // A bare repository has no files for the site to be among.
  if (rc == GIT_ENOTFOUND || (rc == 0 && git_repository_is_bare(repo.get()))) {
    for (const auto& u : uses) diags.error(u.pos, not_in_git(u));
    return;
  }
  if (rc < 0) return unreadable(wrap::git_message(rc));
  try {
    fs::path workdir = fs::weakly_canonical(git_repository_workdir(repo.get()), ec);
    std::string prefix = abs.lexically_relative(workdir).generic_string();
    prefix = prefix == "." || prefix.empty() ? "" : prefix + "/";
    if (cache) {
      std::string langs;
      for (const auto& l : languages) langs += l + ",";
      if (cache->languages != langs) cache->plans.clear();
      cache->languages = langs;
    }
    read_with(repo.get(), prefix, plans, site_since, languages, texts, diags, cache);
  } catch (const GitError& e) {
    unreadable(e.what());
  }
}

}  // namespace carnet::load
