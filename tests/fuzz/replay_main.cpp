// The fuzz targets' inputs replayed without libFuzzer: the same LLVMFuzzerTestOneInput, fed
// every file of the folders (or the files) named on the command line, once each. This is how
// the checked-in corpus (crash inputs included) runs as a normal CTest test in every build,
// release and sanitizers alike. An input that crashes the target, or lets an exception escape
// it (std::terminate), fails the test; the file being replayed is printed first so a failure
// names it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& argument) {
    if (!std::filesystem::is_directory(argument)) return {argument};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argument)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // the same order on every machine
    return files;
}

std::vector<std::uint8_t> bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE_OR_FOLDER...\n";
        return 2;
    }
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const std::vector<std::filesystem::path> files = inputs_of(argv[i]);
        if (files.empty()) {
            std::cerr << argv[i] << ": no inputs\n";
            return 2;
        }
        for (const std::filesystem::path& file : files) {
            std::cout << "replaying " << file.string() << std::endl;
            std::vector<std::uint8_t> data = bytes_of(file);
            const std::size_t size = data.size();
            data.push_back(0);  // libFuzzer never passes a null pointer, even for no bytes
            LLVMFuzzerTestOneInput(data.data(), size);
            ++replayed;
        }
    }
    std::cout << replayed << " inputs replayed, none crashed\n";
    return 0;
}
