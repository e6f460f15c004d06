// YAML-only extractors: config/extractors/*.yaml, one event kind per file, read by the
// bundled `extractors` plugin. The format is described in docs/plugins.md.
#pragma once

#include <chronicle/lexicon.h>

#include <filesystem>

namespace chronicle {

// Reads and checks every *.yaml in `dir` (sorted by name) and flattens them into one
// lexicon the plugin reads through sdk::Lexicon::terms():
//   extractors                      the definitions' names (file stems), in order
//   <name>.file                     the definition's path
//   <name>.type                     the event type
//   <name>.specificity              one number, as text
//   <name>.triggers.verbs / .nouns  trigger phrases
//   <name>.participants             roles: subject, object, with
//   <name>.with                     words that open a "with X" role (with, between)
//   <name>.location                 cue words before a place (in, for)
//   <name>.status                   the status names given, in order
//   <name>.status.<status>          cue phrases for that status
//   <name>.exclude.before / .after / .sentence
//   <name>.require.verbs / .nouns   participant | location | time (any one must be found)
// Throws ConfigError naming file:line:column and the fix. A missing folder is an error.
// A shipped definition left unchanged under its own file name is read from its compiled
// form (core/src/compiled_config.h) unless `compiled` is false.
Lexicon load_extractor_definitions(const std::filesystem::path& dir, bool compiled = true);

}  // namespace chronicle
