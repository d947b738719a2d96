// What the site's Git repository knows of each plan file (PRODUCT.md §6): the
// date of the last commit that changed it, the plan as it was at a reference
// (`since:`, a tag, branch, commit or date), following a file renamed since,
// and the dated status changes of every action. Read with libgit2 from the
// first-parent history of HEAD; never from the clock, so two builds of the
// same commits give the same bytes.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/plan.hpp"
#include "model/tracking.hpp"

namespace carnet::load {

// Parsed versions of plan files by blob id, kept from one load to the next
// (the preview's load::ParseCache holds one): a blob id names its bytes, so a
// version never needs parsing twice. Each load keeps only the versions it used.
// The actions of one version of a plan file: id and status, in file order.
using ActionStatuses = std::vector<std::pair<std::string, model::Status>>;

struct HistoryCache {
  std::string languages;  // the site's languages the versions were parsed with
  std::map<std::string, std::shared_ptr<const model::Plan>> plans;  // blob id (hex) → plan or null
  std::map<std::string, std::shared_ptr<const ActionStatuses>> statuses;  // blob id (hex) → or null
};

// The id and status of every action of a plan file, read from libyaml's
// event stream without building the plan (an old version needs only these
// for its status history, and a full parse costs several times more).
// nullopt when the file is not plain enough to be sure (an action with no
// `id`, an unknown status, anchors and aliases, malformed YAML): the caller
// then parses the whole plan.
std::optional<ActionStatuses> scan_action_statuses(const std::string& yaml);

// Fills `history` of every plan when the site folder `root` is inside a Git
// repository (the site may be a subfolder of it). `texts` maps a plan's
// source to the bytes it was loaded from, when known: a committed version
// with the same bytes reuses the loaded plan instead of parsing it again.
// A `since` that names nothing in the repository, or set while the site is
// not in one, or a repository that cannot be read while a `since` needs it,
// is an error at the `since` line; an unreadable repository otherwise is a
// warning, and the plans get no history.
void read_plan_histories(const std::filesystem::path& root, std::vector<model::Plan>& plans,
                         const model::TrackingSettings& tracking,
                         const std::vector<std::string>& languages,
                         const std::map<std::string, std::string>& texts, base::Diagnostics& diags,
                         HistoryCache* cache = nullptr);

// The calendar day (UTC) of a time in seconds since 1970-01-01 UTC.
base::Date utc_day(long long seconds);

}  // namespace carnet::load
