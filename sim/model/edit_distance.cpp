#include "model/edit_distance.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace partnersim {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the distance table: a swap looks two rows back.
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        before.swap(previous);
        previous.swap(row);
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0);
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
    }
    return row[b.size()];
}

std::optional<std::size_t> edit_distance_within(std::string_view a, std::string_view b,
                                                std::size_t limit) {
    // A cell (i, j) is at least |i - j|, and every cell is at least the cells it is built from,
    // so a path leaving the band |i - j| <= limit ends beyond the limit: cells outside it stand
    // at `beyond`, which is all the answer needs to know of them.
    const std::size_t apart = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (apart > limit) return std::nullopt;
    const std::size_t beyond = limit + 1;
    // The three rows in one allocation (it is called for every known name, so allocations
    // would weigh as much as the cells).
    std::vector<std::size_t> rows(3 * (b.size() + 1), beyond);
    std::size_t* before = rows.data();
    std::size_t* previous = before + b.size() + 1;
    std::size_t* row = previous + b.size() + 1;
    for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::swap(before, previous);
        std::swap(previous, row);
        // The band of this row; the cell left of it still holds a value from three rows back.
        const std::size_t first = i > limit ? i - limit : 1;
        const std::size_t last = std::min(b.size(), i + limit);
        row[first - 1] = first == 1 ? std::min(i, beyond) : beyond;
        std::size_t least = row[first - 1];
        for (std::size_t j = first; j <= last; ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0);
            std::size_t cell = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cell = std::min(cell, before[j - 2] + 1);
            }
            row[j] = std::min(cell, beyond);
            least = std::min(least, row[j]);
        }
        // A swap in the next row costs no less than the substitution beside it in this one, so
        // once this row is wholly beyond, so is every later one.
        if (least > limit) return std::nullopt;
    }
    if (row[b.size()] > limit) return std::nullopt;
    return row[b.size()];
}

}  // namespace partnersim
