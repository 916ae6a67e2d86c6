import TCPCore
import TimelineKit

/// Why a captured segment was sent and what it did, in words: what `replay --explain` prints under each
/// segment and what the full screen narrates for it, so that both always say the same.
enum StepExplanation {
    /// The lines for `step`, shown in `frame`: the engine's rule with its RFC 9293 section, the notes, how
    /// the receiver handled it, and each state change with its rule. Without `replies`, only the sender's
    /// side: how the receiver handles a segment names the segment it answers with, which a quiz asks next.
    /// Without `engineTimer`, the engine's retransmission timing is left out (for a lesson whose own engine
    /// runs with another timeout).
    static func lines(
        _ step: CaptureStep, frame: Frame, language: Language, replies: Bool = true, engineTimer: Bool = true
    ) -> [String] {
        var lines: [String] = []
        let english = language == .en
        var changes = HostID.allCases.flatMap { host in (frame.transitions[host] ?? []).map { (host, $0) } }
        /// The state change `rule` made on `host` in this frame, said after the rule rather than twice.
        func change(of host: HostID, by rule: Rule) -> String {
            guard let index = changes.firstIndex(where: { $0.0 == host && $0.1.because == rule }) else { return "" }
            let transition = changes.remove(at: index).1
            let text = "\(host): \(transition.from) → \(transition.to)"
            return english ? " (\(text))" : "（\(text)）"
        }
        if let rule = step.rule {
            lines.append(
                (english ? "why: " : "原因：") + RuleText.explanation(rule, language) + change(of: step.from, by: rule))
        }
        for note in engineTimer ? step.notesWithTiming : step.notes {
            lines.append((english ? "note: " : "说明：") + note.text(language))
        }
        if replies, let handled = step.handledBecause {
            var when = ""
            if let delivered = step.deliveredAtStep, delivered + 1 != Int(frame.index) {
                when = english ? " (on arrival, at step \(delivered + 1))" : "（在第\(delivered + 1)步到达时）"
            }
            let who = english ? "\(step.to) handles it\(when): " : "\(step.to)的处理\(when)："
            let changed = when.isEmpty ? change(of: step.to, by: handled) : ""
            lines.append(who + RuleText.explanation(handled, language) + changed)
        }
        for (host, transition) in changes where replies {
            lines.append(
                "\(host) \(transition.from) → \(transition.to): " + RuleText.explanation(transition.because, language))
        }
        for host in HostID.allCases {
            for error in frame.errors[host] ?? [] {
                lines.append(english ? "\(host) \(error)" : "\(host) 错误：\(error.wording.zh)")
            }
        }
        return lines
    }

    /// A frame's narration: the kind of segment (handshake, data, teardown, reset and the other labels),
    /// then its explanation, one line each.
    static func narration(_ step: CaptureStep, frame: Frame, replies: Bool = true) -> LocalizedText? {
        func text(_ language: Language) -> String {
            let labels = step.labels.map { $0.text(language) }.joined(separator: ", ")
            return ([labels] + lines(step, frame: frame, language: language, replies: replies)).filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
        let english = text(.en)
        return english.isEmpty ? nil : LocalizedText(en: english, zh: text(.zh))
    }
}

extension CaptureReplay {
    /// What `--explain` prints under step `index` (from 0). Without `replies`, only the sender's side, as
    /// `quizNarratedTimeline` narrates it; without `engineTimer`, not the engine's retransmission timing.
    public func explanation(forStep index: Int, language: Language, replies: Bool = true, engineTimer: Bool = true)
        -> [String]
    {
        StepExplanation.lines(
            steps[index], frame: frame(forStep: index), language: language, replies: replies,
            engineTimer: engineTimer)
    }

    /// The timeline for a quiz on the capture: each segment narrated from its sender's side only, so that the
    /// words shown after one answer never name the segment asked next.
    public var quizNarratedTimeline: Timeline {
        var timeline = self.timeline
        for index in steps.indices {
            timeline.frames[index + 1].narration = StepExplanation.narration(
                steps[index], frame: frame(forStep: index), replies: false)
        }
        return timeline
    }
}
