#include "docgen/model_doc_tables.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model/measures.hpp"
#include "model/parameters.hpp"

namespace partnersim::docgen {
namespace {

std::size_t occurrences(const std::string& text, const std::string& word) {
    std::size_t count = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        ++count;
    }
    return count;
}

const std::string& block(const std::vector<GeneratedBlock>& blocks, const std::string& name) {
    for (const auto& b : blocks) {
        if (b.name == name) return b.content;
    }
    static const std::string none;
    ADD_FAILURE() << "no block " << name;
    return none;
}

TEST(ModelDocTables, EveryParameterHasOneRowInItsBlock) {
    const auto blocks = model_doc_blocks();
    const std::string& settings = block(blocks, "settings");
    const std::string& constants = block(blocks, "model_constants");
    for (const auto& spec : parameter_registry()) {
        const std::string cell = "| `" + spec.name + "`";
        const std::string& mine = spec.is_model_constant() ? constants : settings;
        const std::string& other = spec.is_model_constant() ? settings : constants;
        EXPECT_EQ(occurrences(mine, cell), 1u) << spec.name;
        EXPECT_EQ(occurrences(other, cell), 0u) << spec.name;
        EXPECT_NE(mine.find(spec.meaning), std::string::npos) << spec.name;
    }
}

TEST(ModelDocTables, EveryMeasureHasOneRowWithItsComputationAndLimits) {
    const auto blocks = model_doc_blocks();
    for (const auto& m : measure_table()) {
        const std::string cell = "| `" + std::string(m.name) + "` |";
        EXPECT_EQ(occurrences(block(blocks, "measures"), cell), 1u) << m.name;
        EXPECT_EQ(occurrences(block(blocks, "measure_limits"), cell), 1u) << m.name;
        EXPECT_NE(block(blocks, "measure_limits").find(std::string(m.cannot_see)),
                  std::string::npos)
            << m.name;
    }
}

TEST(ModelDocTables, EveryMeasureRowSaysWhichWayIsGood) {
    // The report colours and words good and bad from the same declaration; its row in the
    // documentation ends with it, so the two cannot say different things.
    const auto blocks = model_doc_blocks();  // block() returns a reference into it
    const std::string& measures = block(blocks, "measures");
    for (const auto& m : measure_table()) {
        const auto row = measures.find("| `" + std::string(m.name) + "` |");
        ASSERT_NE(row, std::string::npos) << m.name;
        const std::string line = measures.substr(row, measures.find('\n', row) - row);
        const std::string last = " | " + std::string(better_words(m.better)) + " |";
        EXPECT_EQ(line.substr(line.size() - last.size()), last) << m.name;
    }
    EXPECT_EQ(better_words(measure_table()[0].better), "higher is better");  // trust
    EXPECT_EQ(better_words(find_measure("cost")->better), "lower is better");
    EXPECT_EQ(better_words(find_measure("belief_error")->better), "lower is better");
}

TEST(ModelDocTables, SpliceReplacesOnlyBetweenTheMarkersAndSaysWhatChanged) {
    const std::vector<GeneratedBlock> blocks{{"a", "new a\n"}, {"b", "same b\n"}};
    const std::string doc = "intro\n" + begin_marker("a") + "\nold a\n" + end_marker("a") +
                            "\nmiddle\n" + begin_marker("b") + "\nsame b\n" + end_marker("b") +
                            "\nend\n";
    const SpliceResult result = splice(doc, blocks);
    EXPECT_TRUE(result.missing.empty());
    EXPECT_EQ(result.changed, std::vector<std::string>{"a"});
    EXPECT_EQ(result.document, "intro\n" + begin_marker("a") + "\nnew a\n" + end_marker("a") +
                                   "\nmiddle\n" + begin_marker("b") + "\nsame b\n" +
                                   end_marker("b") + "\nend\n");
    const SpliceResult again = splice(result.document, blocks);
    EXPECT_TRUE(again.changed.empty());  // current: nothing to do
    EXPECT_EQ(again.document, result.document);
}

TEST(ModelDocTables, ABlockWithoutMarkersIsReportedNotAdded) {
    const std::vector<GeneratedBlock> blocks{{"a", "x\n"}};
    const SpliceResult result = splice("no markers here\n", blocks);
    EXPECT_EQ(result.missing, std::vector<std::string>{"a"});
    EXPECT_EQ(result.document, "no markers here\n");
}

}  // namespace
}  // namespace partnersim::docgen
