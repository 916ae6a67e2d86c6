import LessonKit
import TCPCore
import Testing
import TimelineKit

@Suite("Rule wording: one table of words for every engine rule")
struct RuleWordingTests {
    /// Whether a text holds a CJK ideograph: how a Chinese text is told from an English one left in its place.
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The references a text cites, in order: "RFC 9293", "§3.6.1", "RFC 5961", requirement names like "SHLD-3".
    static func citations(_ text: String) -> [String] {
        text.matches(of: #/RFC \d+|§\d+(?:\.\d+)*|[A-Z]+-\d+/#).map { String($0.output) }
    }

    /// The SEGMENT ARRIVES section that handles a segment reaching a host in `state`.
    static func arrivalSection(_ state: ConnectionState) -> String {
        switch state {
        case .closed: "§3.10.7.1"
        case .listen: "§3.10.7.2"
        case .synSent: "§3.10.7.3"
        case .synReceived, .established, .finWait1, .finWait2, .closeWait, .closing, .lastAck, .timeWait:
            "§3.10.7.4"
        }
    }

    /// The state a text puts the rule in: a title "SYN_SENT: ..." or a summary "in SYN_SENT ...".
    static func namedState(title: String, summary: String) -> ConnectionState? {
        ConnectionState.allCases.first { state in
            title.hasPrefix("\(state):") || summary.hasPrefix("in \(state) ")
        }
    }

    @Test("Every rule has a title, a summary and an explanation in English and in Chinese", arguments: Rule.allCases)
    func worded(rule: Rule) {
        let wording = rule.wording
        for text in [wording.title, wording.summary, wording.explanation] {
            #expect(!text.en.isEmpty && !Self.hasChinese(text.en), "\(rule): \(text.en)")
            #expect(Self.hasChinese(text.zh), "\(rule): \(text.zh)")
        }
        #expect(RuleText.summary(rule, .en) == wording.summary.en)
        #expect(RuleText.summary(rule, .zh) == wording.summary.zh)
    }

    @Test("The explanation cites the rule's own section, in both languages", arguments: Rule.allCases)
    func citesSection(rule: Rule) {
        #expect(rule.section.wholeMatch(of: #/§\d+(\.\d+)+/#) != nil, "\(rule): \(rule.section)")
        let english = RuleText.explanation(rule, .en)
        let chinese = RuleText.explanation(rule, .zh)
        #expect(english.hasSuffix(", RFC 9293 \(rule.section)"), "\(rule): \(english)")
        #expect(chinese.hasSuffix("（RFC 9293 \(rule.section)）"), "\(rule): \(chinese)")
        #expect(Self.citations(english).suffix(2) == ["RFC 9293", rule.section])
        #expect(Self.citations(chinese).suffix(2) == ["RFC 9293", rule.section])
    }

    @Test("English and Chinese cite the same references, in the same order", arguments: Rule.allCases)
    func sameCitations(rule: Rule) {
        let wording = rule.wording
        for text in [wording.title, wording.summary, wording.explanation] {
            #expect(Self.citations(text.en) == Self.citations(text.zh), "\(rule): \(text.en) / \(text.zh)")
        }
    }

    @Test("A rule worded as happening in a state is the SEGMENT ARRIVES section for that state")
    func stateAgreesWithSection() {
        var placed = 0
        for rule in Rule.allCases {
            let wording = rule.wording
            let state = Self.namedState(title: wording.title.en, summary: wording.summary.en)
            if let state {
                placed += 1
                #expect(rule.section == Self.arrivalSection(state), "\(rule) is worded as in \(state)")
            }
            // A rule of the CLOSED, LISTEN or SYN-SENT arrival sections must say which of those states it is in.
            if ["§3.10.7.1", "§3.10.7.2", "§3.10.7.3"].contains(rule.section) {
                #expect(state.map(Self.arrivalSection) == rule.section, "\(rule) does not name its state")
            }
        }
        #expect(placed >= 25)
    }

    @Test("No two rules share a title or a summary")
    func distinct() {
        for language in [Language.en, .zh] {
            let titles = Set(Rule.allCases.map { $0.wording.title.text(language) })
            let summaries = Set(Rule.allCases.map { RuleText.summary($0, language) })
            #expect(titles.count == Rule.allCases.count)
            #expect(summaries.count == Rule.allCases.count)
        }
    }
}
