// The link stage: revisions → Graph (ids, parents, children, heads, bases, branch labels,
// depends_on), built once in time linear in the revisions, with Alembic 1.19's semantics
// (script/revision.py's RevisionMap). Also the graph's queries: ancestors, descendants,
// lineage, and resolving revision arguments (`head`, `label@head`, prefixes, `+N`/`-N`).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/source.hpp"

namespace retort {

using Rev = std::uint32_t;  // a revision's index in load (file-name) order

// A revision's parents, children or dependencies: most revisions have one parent and one
// child, so up to two are held in place and more in an array of their own. Read as a
// std::vector<Rev> is. A node holds seven such lists: as vectors, each that held a revision
// was an allocation apart (five a node in a chain), and reading it a cache miss of its own
// (linking 100,000 revisions took 100 ms).
class RevList {
 public:
  RevList() = default;
  RevList(RevList const& other) { assign(other.begin(), other.end()); }
  RevList(RevList&& other) noexcept { take(other); }
  RevList& operator=(RevList const& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  RevList& operator=(RevList&& other) noexcept {
    if (this != &other) {
      if (!inline_storage()) delete[] heap_;
      take(other);
    }
    return *this;
  }
  ~RevList() {
    if (!inline_storage()) delete[] heap_;
  }

  template <typename It>
  void assign(It first, It last) {
    size_ = 0;
    for (; first != last; ++first) push_back(*first);
  }
  void push_back(Rev r) {
    if (size_ == capacity_) grow();
    slots()[size_++] = r;
  }

  Rev const* data() const { return inline_storage() ? in_place_ : heap_; }
  Rev const* begin() const { return data(); }
  Rev const* end() const { return data() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Rev front() const { return data()[0]; }
  Rev back() const { return data()[size_ - 1]; }
  Rev operator[](std::size_t i) const { return data()[i]; }
  friend bool operator==(RevList const& a, RevList const& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

 private:
  static constexpr std::uint32_t in_place = 2;
  bool inline_storage() const { return capacity_ == in_place; }
  Rev* slots() { return inline_storage() ? in_place_ : heap_; }
  // Takes what `other` holds, leaving it empty (what this held must be let go of before).
  void take(RevList& other) {
    size_ = other.size_;
    capacity_ = other.capacity_;
    if (other.inline_storage()) std::copy(other.in_place_, other.in_place_ + size_, in_place_);
    else heap_ = other.heap_;
    other.size_ = 0;
    other.capacity_ = in_place;
  }
  void grow() {
    auto* bigger = new Rev[capacity_ * 2];
    std::copy(begin(), end(), bigger);
    if (!inline_storage()) delete[] heap_;
    heap_ = bigger;
    capacity_ *= 2;
  }

  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = in_place;
  union {
    Rev in_place_[in_place];
    Rev* heap_;
  };
};

struct Node {
  ast::Revision const* revision = nullptr;
  SourceFile const* file = nullptr;  // the revision's file, where diagnostics point
  std::string id;
  RevList parents;                  // `revises`, in written order (Alembic's down_revision)
  RevList dependencies;             // `depends_on`, resolved, in written order
  RevList normalized_dependencies;  // less those an ancestor already depends on
  RevList all_down;                 // parents + dependencies
  RevList normalized_down;          // parents + normalized_dependencies
  RevList children;                 // revisions that revise this one (nextrev)
  RevList all_children;             // ... or depend on it (_all_nextrev)
  std::vector<std::string> own_labels;       // as written
  std::vector<std::string> labels;           // own and inherited along the branch
  bool is_head() const { return children.empty(); }
  bool is_real_head() const { return all_children.empty(); }
  bool is_base() const { return parents.empty(); }
  bool is_branch_point() const { return children.size() > 1; }
  bool is_real_branch_point() const { return all_children.size() > 1; }
  bool is_merge_point() const { return parents.size() > 1; }
};

// Alembic's RevisionError: a revision argument that cannot be resolved or walked. Thrown
// inside this stage and plan's, and turned into a diagnostic at their boundary.
struct RevisionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Alembic's ResolutionError (shown as "Can't locate revision identified by '...'").
struct ResolutionError : RevisionError {
  ResolutionError(std::string const& message, std::string arg) : RevisionError(message), argument(std::move(arg)) {}
  std::string argument;
};
// Alembic's MultipleHeads.
struct MultipleHeads : RevisionError {
  MultipleHeads(std::vector<std::string> const& heads, std::string arg);
  std::vector<std::string> heads;
  std::string argument;
};
// Alembic's RangeNotAncestorError.
struct RangeNotAncestor : RevisionError {
  RangeNotAncestor(std::string lower, std::string upper);
  std::string lower, upper;
};
// Alembic's wording of a revision error at the command line (_catch_revision_errors):
// `ancestor` and `multiple_heads` override its default texts ({start}, {end}, {head_arg}).
std::string command_error(RevisionError const& e, std::string const& ancestor, std::string const& multiple_heads,
                          std::string const& start, std::string const& end);

// Names (revision ids, branch labels) to their revisions: open addressing in one array, with
// at least a quarter more slots than names, each slot holding the name, the top bits of its
// hash and its revision. A lookup reads one slot or a few beside it, and the name's text only
// where those bits match. (An std::unordered_map allocated a node per name and read its
// bucket, the node before and the node at each lookup: at 100,000 revisions, each a cache miss.)
class NameIndex {
 public:
  // Room for `names` names; only before the first is added.
  void reserve(std::size_t names);
  // {the revision under `name`, false} where it is there already; else {`rev`, true}, added.
  std::pair<Rev, bool> emplace(std::string_view name, Rev rev);
  std::optional<Rev> find(std::string_view name) const;

 private:
  struct Slot {
    std::string_view name;  // a null data(): a free slot (an empty name is held as "")
    std::uint32_t tag = 0;  // the hash's top 32 bits
    Rev rev = 0;
  };
  // The slot that holds `name` (of hash `hash`), or the free one where it would go.
  std::size_t probe(std::string_view name, std::size_t hash) const;
  void grow();
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

class Linker;

// A position of a walk: a revision, "before every base" (none) or "base".
struct WalkPos {
  enum Kind { none, base, rev } kind = none;
  Rev index = 0;
  bool operator==(WalkPos const&) const = default;
};

class Graph {
 public:
  std::vector<Node> const& nodes() const { return nodes_; }
  Node const& node(Rev r) const { return nodes_[r]; }
  std::size_t size() const { return nodes_.size(); }
  std::vector<Rev> const& heads() const { return heads_; }
  std::vector<Rev> const& real_heads() const { return real_heads_; }
  std::vector<Rev> const& bases() const { return bases_; }

  // Ancestors of targets, targets included, in Alembic's traversal order (depth first).
  std::vector<Rev> ancestors(std::vector<Rev> const& targets, bool include_dependencies = true) const;
  // Descendants of targets, targets included.
  std::vector<Rev> descendants(std::vector<Rev> const& targets, bool include_dependencies = true) const;
  // The revision an exact id or branch label names.
  std::optional<Rev> find(std::string_view id_or_label) const;

  // -- resolving revision arguments (graph_resolve.cpp) --
  // Alembic's get_revisions: "" and "base" give none; "heads", "head", "label@head",
  // ids, prefixes, "-N" below the heads. An entry may be nullopt ("base").
  std::vector<std::optional<Rev>> get_revisions(std::string const& id) const;
  std::vector<std::optional<Rev>> get_revisions(std::vector<std::string> const& ids) const;
  // Alembic's get_revision: one revision, or nullopt for base; MultipleHeads if several.
  std::optional<Rev> get_revision(std::string const& id) const;
  // The ids (and branch label) an argument names before lookup (Alembic's _resolve_revision_number).
  std::pair<std::vector<std::string>, std::string> resolve_number(std::string const& id) const;
  std::optional<Rev> revision_for_ident(std::string const& id, std::string const& check_branch = {}) const;
  std::optional<Rev> resolve_branch(std::string const& label) const;
  bool shares_lineage(Rev target, std::vector<std::string> const& against, bool include_dependencies = false) const;
  std::vector<Rev> filter_for_lineage(std::vector<Rev> const& targets, std::string const& check_against,
                                      bool include_dependencies = false) const;
  std::optional<Rev> current_head(std::string const& label) const;
  // Walks `steps` up (> 0) or down (< 0); nullopt when it walks past the ends and no_overwalk.
  std::optional<WalkPos> walk(WalkPos start, int steps, std::string const& label = {}, bool no_overwalk = true) const;
  std::vector<std::string> ids(std::span<Rev const> revs) const;

 private:
  friend class Linker;
  std::vector<Node> nodes_;
  // Keyed by the revisions' syntax trees' text, which the graph outlives no more than its nodes' revisions.
  NameIndex by_id_;
  NameIndex by_label_;
  std::vector<std::string> label_order_;  // labels in the order they were declared
  std::vector<Rev> heads_, real_heads_, bases_, real_bases_;
};

// Links parsed revisions (in file-name order); reports duplicate ids, unknown parents and
// dependencies, labels used twice, and cycles, at the header that causes them.
std::optional<Graph> link(std::vector<ast::Revision> const& revisions, std::vector<SourceFile> const& files,
                          DiagnosticSink& diags);

}  // namespace retort
