import TCPCore

/// The words for each engine rule as narration prints them: what the rule says and where RFC 9293 says it.
public enum RuleText {
    /// One sentence: the rule as applied.
    public static func summary(_ rule: Rule, _ language: Language) -> String {
        let summary = rule.wording.summary
        return language == .en ? summary.en : summary.zh
    }

    /// The rule with its RFC 9293 section: "a SYN is acknowledged with ISN+1, RFC 9293 §3.4".
    public static func explanation(_ rule: Rule, _ language: Language) -> String {
        language == .en
            ? "\(summary(rule, .en)), RFC 9293 \(rule.section)" : "\(summary(rule, .zh))（RFC 9293 \(rule.section)）"
    }
}
