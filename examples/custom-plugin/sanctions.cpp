// sanctions: "the European Union imposed new sanctions on Russia on Monday".
#include <chronicle/sdk/plugin_api.h>
namespace sdk = chronicle::sdk;
namespace {
class Sanctions final : public sdk::Extractor {
 public:
  explicit Sanctions(const sdk::Lexicon& lex) : lex_(lex) {}
  std::string_view name() const noexcept override { return "sanctions"; }
  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      const std::size_t n = sdk::match_phrase(s, i, lex_.terms("verbs"));  // sanctions.yaml
      if (n == 0) continue;
      // the host reads who, where, when and the status around the trigger
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, sdk::TriggerForm::verb);
      auto c = sdk::candidate_from_frame(s, f, "sanctions", i, i + n, sdk::TriggerForm::verb);
      if (!c.participants.empty()) out.push_back(std::move(c));
      i += n - 1;
    }
  }

 private:
  const sdk::Lexicon& lex_;
};
bool register_sanctions(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Sanctions>(r, "verbs");
}
}  // namespace
CHRONICLE_PLUGIN("sanctions", "0.1.0", register_sanctions)
