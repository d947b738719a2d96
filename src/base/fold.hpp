// Names compared as people read them, not as bytes: folded (case and
// accents, by GLib's Unicode tables) to tell that "Table de Quartier" and
// "table de quartier" name one thing, and a sort key that orders French
// names as a dictionary does ("École" with the E's, "éducation" before
// "Entraide"), the same on every machine: GLib's own collation follows the
// locale the build runs under, which would make the output depend on it.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// Lowercased (Unicode case folding) with accents and other combining marks
// removed, spaces collapsed and trimmed: "  Équipe  Été " → "equipe ete".
std::string fold_name(std::string_view s);

// fold_name with only letters and digits kept: "C.L.S.C. de l'Est" → "clscdelest".
std::string fold_loose(std::string_view s);

// A key to sort names by: letters without case or accents first, then accents,
// then case, then the bytes (so that distinct names never tie).
std::string name_sort_key(std::string_view s);

}  // namespace carnet::base
