import CaptureKit
import Foundation
import TCPCore
import Testing
import TimelineKit

/// What the full screen says about a capture: each segment narrated with the words `--explain` prints, and
/// ISNs only where a SYN chose one.
@Suite("Replay narration and ISNs")
struct ReplayNarrationTests {
    static let captures = [
        "a-closes-first.pcap", "refused.pcap", "abort.pcap", "simultaneous-close.pcap", "simultaneous-open.pcap",
        "retransmission.pcap", "midstream.pcap", "half-close.pcap",
    ]

    @Test(
        "each segment's narration holds every line --explain prints for it, with the rule and its RFC section",
        arguments: captures)
    func narrationIsTheExplanation(_ name: String) throws {
        let replay = try Fixtures.replay(name)
        for language in Language.allCases {
            for index in replay.steps.indices {
                let lines = replay.explanation(forStep: index, language: language)
                let narration = replay.frame(forStep: index).narration?.text(language) ?? ""
                #expect(!lines.isEmpty, "step \(index + 1) of \(name) is explained")
                for line in lines {
                    #expect(narration.contains(line), "step \(index + 1) of \(name): '\(line)' in '\(narration)'")
                }
                if replay.steps[index].rule != nil {
                    #expect(narration.contains("RFC 9293 §"), "step \(index + 1) of \(name) cites the RFC")
                }
            }
        }
    }

    @Test("the Chinese narration says the application's error in Chinese")
    func chineseError() throws {
        let replay = try Fixtures.replay("refused.pcap")
        let narration = replay.frame(forStep: 1).narration
        #expect(narration?.en.contains("A error: connection refused") == true)
        #expect(narration?.zh.contains("A 错误：连接被拒绝") == true, "\(narration?.zh ?? "")")
    }

    @Test("a quiz's narration never says how the receiver answers: that is the next question", arguments: captures)
    func quizNarrationKeepsTheNextAnswer(_ name: String) throws {
        let replay = try Fixtures.replay(name)
        let quiz = replay.quizNarratedTimeline
        for index in replay.steps.indices {
            let narration = quiz.frames[index + 1].narration?.en ?? ""
            #expect(!narration.contains("handles it"), "step \(index + 1) of \(name): \(narration)")
            if let rule = replay.steps[index].rule {
                #expect(narration.contains(RuleText.explanation(rule, .en)), "the sender's reason stays")
            }
        }
    }

    @Test("only a SYN sets an ISN: a refused connection's RST and a mid-connection capture have none")
    func knownISNs() throws {
        let open = try Fixtures.replay("a-closes-first.pcap")
        #expect(open.knownISN[.a] == open.timeline.isn[.a] && open.knownISN[.b] == open.timeline.isn[.b])
        #expect(open.knownISN.count == 2)
        let refused = try Fixtures.replay("refused.pcap")
        #expect(refused.knownISN[.a] == refused.steps[0].segment.seq)
        #expect(refused.knownISN[.b] == nil, "B answered with a RST and seq 0: no ISN")
        let midstream = try Fixtures.replay("midstream.pcap")
        #expect(midstream.knownISN.isEmpty)
    }
}
