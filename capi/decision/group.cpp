// C API over group decisions (include/crmkit/decision/group.hpp).
#include <string>
#include <vector>

#include "crmkit/decision/group.hpp"
#include "decision/ahp.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

namespace {

constexpr std::size_t kMaxItems = std::size_t{1} << 20;

decision::Rankings rankings_from(const crm_rankings* r) {
  require_pointer(r, "rankings");
  require_version(r->version, CRM_RANKINGS_VERSION, "crm_rankings");
  require_size(r->items, kMaxItems, "rankings->items");
  require_size(r->members, kMaxItems, "rankings->members");
  decision::Rankings out;
  out.items = r->items;
  out.members = r->members;
  if (r->items * r->members > 0) {
    require_pointer(r->ranks, "rankings->ranks");
    out.ranks.assign(r->ranks, r->ranks + r->items * r->members);
  }
  out.item_names = strings_from(r->item_names, r->items, "rankings->item_names");
  out.member_names = strings_from(r->member_names, r->members, "rankings->member_names");
  return out;
}

std::vector<double> ranking_from(const double* ranks, std::size_t n, const char* name) {
  require_size(n, kMaxItems, name);
  if (n > 0) require_pointer(ranks, name);
  return std::vector<double>(ranks, ranks + n);
}

crm_concordance concordance_to(const decision::Concordance& c) {
  return {CRM_CONCORDANCE_VERSION, c.w, c.chi_square, c.df, c.p_value, c.s, c.ties_correction};
}

using Aggregate = decision::GroupAhpResult (*)(const double*, std::size_t, std::size_t,
                                               const std::vector<double>&, const decision::AhpOptions&);

int aggregate(Aggregate how, const double* matrices, size_t members, size_t n, const double* member_weights,
              const crm_ahp_options* opts, double* out_priorities, crm_ahp_result* group,
              double* out_member_cr) {
  return guarded([&] {
    require_pointer(matrices, "matrices");
    require_pointer(out_priorities, "out_priorities");
    require_size(n, 1024, "n");
    require_size(members, kMaxItems, "members");
    if (group != nullptr) require_version(group->version, CRM_AHP_RESULT_VERSION, "crm_ahp_result");
    const decision::GroupAhpResult r =
        how(matrices, members, n, member_weights ? doubles_from(member_weights, members, "member_weights")
                                                 : std::vector<double>{},
            ahp_options(opts));
    ahp_result_to(r.group, group);
    copy_if(r.group.priorities, out_priorities);
    if (out_member_cr != nullptr)
      for (size_t k = 0; k < members; ++k) out_member_cr[k] = r.members[k].cr;
  });
}

}  // namespace

extern "C" {

CRM_API int crm_kendall_w(const crm_rankings* rankings, crm_concordance* out, double* out_rank_sums) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CONCORDANCE_VERSION, "crm_concordance");
    const decision::Concordance c = decision::kendall_w(rankings_from(rankings));
    *out = concordance_to(c);
    copy_if(c.rank_sums, out_rank_sums);
  });
}

CRM_API int crm_kendall_tau(const double* a, const double* b, size_t n, double* out) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = decision::kendall_tau(ranking_from(a, n, "a"), ranking_from(b, n, "b"));
  });
}

CRM_API int crm_footrule(const double* a, const double* b, size_t n, double* out) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = decision::footrule(ranking_from(a, n, "a"), ranking_from(b, n, "b"));
  });
}

CRM_API int crm_borda(const crm_rankings* rankings, double* out_points, size_t* out_ranks,
                      double* out_member_tau, double* out_member_footrule) {
  return guarded([&] {
    const decision::GroupRanking g = decision::borda(rankings_from(rankings));
    copy_if(g.points, out_points);
    copy_if(g.ranks, out_ranks);
    copy_if(g.member_tau, out_member_tau);
    copy_if(g.member_footrule, out_member_footrule);
  });
}

CRM_API int crm_aggregate_judgments(const double* matrices, size_t members, size_t n,
                                    const double* member_weights, const crm_ahp_options* opts,
                                    double* out_priorities, crm_ahp_result* group, double* out_member_cr) {
  return aggregate(decision::aggregate_judgments, matrices, members, n, member_weights, opts,
                   out_priorities, group, out_member_cr);
}

CRM_API int crm_aggregate_priorities(const double* matrices, size_t members, size_t n,
                                     const double* member_weights, const crm_ahp_options* opts,
                                     double* out_priorities, crm_ahp_result* group, double* out_member_cr) {
  return aggregate(decision::aggregate_priorities, matrices, members, n, member_weights, opts,
                   out_priorities, group, out_member_cr);
}

CRM_API int crm_team_exercise(const crm_rankings* members, const double* team, const double* expert,
                              crm_team_exercise_result* out, double* out_member_errors) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_TEAM_EXERCISE_RESULT_VERSION, "crm_team_exercise_result");
    const decision::Rankings r = rankings_from(members);
    const decision::TeamExercise t =
        decision::team_exercise(r, ranking_from(team, r.items, "team"), ranking_from(expert, r.items, "expert"));
    out->team_error = t.team_error;
    out->mean_member_error = t.mean_member_error;
    out->best_member_error = t.best_member_error;
    out->best_member = t.best_member;
    out->beats_average = t.beats_average;
    out->beats_best = t.beats_best;
    out->synergy_gain = t.synergy_gain;
    out->dominant_member = t.dominant_member;
    out->team_to_dominant = t.team_to_dominant;
    out->consensus_to_dominant = t.consensus_to_dominant;
    out->team_to_consensus = t.team_to_consensus;
    out->groupthink_sign = t.groupthink_sign;
    out->concordance = concordance_to(t.concordance);
    copy_if(t.member_errors, out_member_errors);
  });
}

}  // extern "C"
