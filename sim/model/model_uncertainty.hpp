#pragma once
// What the model does not know, carried into results (docs/model.md, "Uncertainty about the
// model's constants"). With `[uncertainty] model_constants = "plausible"` (or `--uncertainty`),
// every run draws its own model: each hand-set constant of model_constants.hpp from its
// plausible range, from a stream of the run's replicate alone, so every design point at one
// replicate sees the same drawn model and a paired comparison stays paired. Constants the user
// set (scenario file, `--set`) or sweeps are held at their set values and not drawn.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/choices.hpp"

namespace partnersim {

struct Scenario;
struct ParameterSpec;

// fixed: every constant at its value (the defaults unless set); plausible: drawn per replicate.
enum class ModelUncertainty { fixed, plausible };

template <>
struct ChoiceNames<ModelUncertainty> {
    static constexpr std::array<std::string_view, 2> names{"fixed", "plausible"};
};

struct UncertaintySettings {
    ModelUncertainty model_constants = ModelUncertainty::fixed;
    // Model constants set explicitly (file, --set, a sweep's factors): sorted, unique dotted
    // names. Kept by the registry's setters (model_constants.cpp), so whatever sets a constant
    // through the registry holds it.
    std::vector<std::string> held;
};

// The model constants' registry entries, in registry order (what /runs/model_constants holds).
std::span<const ParameterSpec* const> model_constant_entries();
std::vector<std::string> model_constant_names();

// Is this constant held (set explicitly)? Mark it held.
bool is_held(const UncertaintySettings& settings, std::string_view name);
void hold(UncertaintySettings& settings, std::string_view name);

// The value of every model constant of the scenario, in model_constant_entries() order.
std::vector<double> model_constant_values(const Scenario& scenario);

// Draw every model constant that is not held from its plausible range, from a stream seeded
// with `seed` alone. The draw: triangular on [plausible_min, plausible_max] with its mode at
// the default (clamped into the range), one uniform per constant in registry order whether or
// not it is held (so holding one constant moves no other's draw); whole numbers rounded to the
// nearest integer inside the range; the drawn shares of each effort row then rescaled so the
// row sums to 1 with its held shares. Every draw passes check_consistency.
void draw_model_constants(Scenario& scenario, std::uint64_t seed);

// The triangular distribution's quantile at u in [0, 1): low..high with its mode at `mode`.
double triangular_quantile(double low, double mode, double high, double u);

}  // namespace partnersim
