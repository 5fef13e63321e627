#include "workshop/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace partnersim::workshop {

std::string qr_code_svg(const std::string& text) {
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) throw std::runtime_error("cannot draw a QR code of " + text);
    const int width = code->width;
    const int quiet = 4;
    const int size = width + 2 * quiet;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(size) + " " + std::to_string(size) +
                      "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                      "fill=\"#fff\"/><path fill=\"#000\" d=\"";
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            // Bit 0 of each module is its colour (1 = dark).
            if (code->data[y * width + x] & 1) {
                svg.append("M").append(std::to_string(x + quiet));
                svg.append(" ").append(std::to_string(y + quiet)).append("h1v1h-1z");
            }
        }
    }
    svg += "\"/></svg>";
    return svg;
}

}  // namespace partnersim::workshop
