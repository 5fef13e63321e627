#pragma once
// The join address as a QR code (libqrencode), drawn by the server as SVG so the page shows it
// without a script library and phones can scan it off the projector.

#include <string>

namespace partnersim::workshop {

// An SVG image of `text`'s QR code (error correction M, a quiet zone of 4 modules). Throws
// std::runtime_error if libqrencode cannot encode it.
std::string qr_code_svg(const std::string& text);

}  // namespace partnersim::workshop
