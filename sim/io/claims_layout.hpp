#pragma once
// The validate file's contract (partnersim validate -o FILE), beside io/results_layout.hpp:
// every table and column name. The file is an analysis file (io/analysis_file.hpp): one group
// per table, one dataset per column, each table with its description and key attributes.
// analysis/claims_ledger.py reads these names.
//
//   /claims              one row per claim x base at the model's constants: verdict, effect
//   /claims_uncertainty  (--uncertainty N) one row per claim x base: in how many of N sampled
//                        models the claim holds, the share and its Wilson interval
//   /claims_sampled      (--uncertainty N) one row per claim x base x sampled model: verdict
//                        and effect at that model
//   /sampled_models      (--uncertainty N) one row per sampled model: its seed and the drawn
//                        value of every model constant (one column per constant, dotted name)
//
//   f = h5py.File("validate.h5"); u = f["claims_uncertainty"]
//   u["claim"].asstr()[:], u["share"][:], u["share_low"][:]

#include <string_view>

namespace partnersim::layout::claims {

inline constexpr std::string_view claims_table = "claims";
inline constexpr std::string_view uncertainty_table = "claims_uncertainty";
inline constexpr std::string_view sampled_table = "claims_sampled";
inline constexpr std::string_view models_table = "sampled_models";

// claims and claims_sampled
inline constexpr std::string_view claim = "claim";
inline constexpr std::string_view base = "base";
inline constexpr std::string_view verdict = "verdict";
inline constexpr std::string_view baseline_mean = "baseline_mean";
inline constexpr std::string_view variant_mean = "variant_mean";
inline constexpr std::string_view difference = "difference";
inline constexpr std::string_view low = "low";    // 95% t interval of the mean difference
inline constexpr std::string_view high = "high";  //
inline constexpr std::string_view replicates = "replicates";
inline constexpr std::string_view model = "model";  // claims_sampled, sampled_models: 0, 1, ...

// claims_uncertainty
inline constexpr std::string_view sets = "sets";
inline constexpr std::string_view holding = "holding";
inline constexpr std::string_view share = "share";
inline constexpr std::string_view share_low = "share_low";  // 95% Wilson interval of the share
inline constexpr std::string_view share_high = "share_high";
inline constexpr std::string_view predicted_side = "predicted_side";  // models: holds or weak

// sampled_models: these, then one column per model constant (its dotted name)
inline constexpr std::string_view seed = "seed";  // text: a 64-bit seed does not fit a double

}  // namespace partnersim::layout::claims
