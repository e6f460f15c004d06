// The texts of the pinned corpus cases (tests/corpus/en/relative_dates.yaml and
// events.yaml) as documents published on 2025-02-17: a varied set of short documents for
// tests that compare two ways of analysing the same input.
#pragma once

#include <chronicle/document.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace chronicle::testing {

inline std::vector<chronicle::Document> corpus_case_documents() {
  std::vector<chronicle::Document> docs;
  for (const char* name : {"relative_dates.yaml", "events.yaml"}) {
    const YAML::Node root = YAML::LoadFile(std::string(CHRONICLE_CORPUS_DIR "/en/") + name);
    for (const auto& c : root["cases"]) {
      if (!c["text"]) continue;
      chronicle::Document d;
      d.id = name;
      d.text = c["text"].as<std::string>();
      d.published = date::sys_days{date::year{2025} / 2 / 17};
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

}  // namespace chronicle::testing
