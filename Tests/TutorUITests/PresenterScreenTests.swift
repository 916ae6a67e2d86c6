import LessonKit
import TCPCore
import TCPNotation
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The projector screen on every real lesson: what is hidden at a quiz point and what the reveal shows.
@Suite struct PresenterScreenTests {
    static let timelines: [Timeline] = Curriculum.timelines

    /// Every stop of `timeline` as the presenter steps through it with PageDown.
    static func stops(_ timeline: Timeline, language: Language = .en) -> [PresenterSession] {
        var session = PresenterSession(timeline: timeline, language: language)
        var sessions = [session]
        while true {
            _ = session.update(.key(.pageDown))
            // A click past the end changes nothing.
            if session == sessions.last { break }
            sessions.append(session)
        }
        return sessions
    }

    static func label(_ event: WireEvent, in timeline: Timeline) -> String {
        event.segment.notation(base: timeline.numberBase(from: event.from))
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Whether `canvas` shows the big question mark (square pixels): "##.", "..#", ".#.", "...", ".#.".
    static func bigQuestionMark(on canvas: Canvas) -> Bool {
        let pattern = ["##.", "..#", ".#.", "...", ".#."].map { row in row.flatMap { [$0 == "#", $0 == "#"] } }
        let rows = (0..<canvas.height).map { y in (0..<canvas.width).map { canvas[$0, y].ink == .solid } }
        for y in 0..<(canvas.height - 4) {
            for x in 0..<(canvas.width - 6)
            where pattern.indices.allSatisfy({ Array(rows[y + $0][x..<(x + 6)]) == pattern[$0] }) {
                return true
            }
        }
        return false
    }

    @Test func theLessonsAreThere() {
        #expect(Self.timelines.count >= 10)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func aQuestionShowsNothingOfItsAnswer(size: Size) throws {
        var questions = 0
        for timeline in Self.timelines {
            for session in Self.stops(timeline) {
                guard case .asked(let point) = session.quizStage else { continue }
                questions += 1
                let frame = session.player.frame
                // A question on a state change has no segment: PresenterStateQuestionTests.
                guard let wire = frame.wire else { continue }
                let canvas = PresenterRenderer.render(session, size: size)
                let text = canvas.text
                let label = Self.label(wire, in: timeline)
                // The label may be on screen only as the previous segment's (a retransmission repeats it).
                let previous = timeline.ladder(through: frame.index - 1).last.map { Self.label($0, in: timeline) }
                #expect(
                    Self.occurrences(of: label, in: text) <= (previous == label ? 1 : 0),
                    "\(timeline.lessonID) step \(frame.index + 1) shows its answer \(label)")
                // The wire asks: question marks, big or small; no flags in big letters.
                #expect(text.contains("?   ?   ?") || Self.bigQuestionMark(on: canvas))
                #expect(!text.contains("Answer"))
                // The arrow shows the direction only when the class is not asked who sends.
                let arrow = wire.from == .a ? "─>" : "<─"
                #expect(text.contains(arrow) == !point.fields.contains(.sender), "\(timeline.lessonID) arrow")
                #expect(!text.contains(wire.from == .a ? "<─" : "─>"))
                // No segment colours: they would tell SYN, FIN and RST apart.
                let segmentInks: Set<Ink> = [.syn, .fin, .rst, .plainSegment]
                #expect(!canvas.cells.contains { segmentInks.contains($0.ink) }, "\(timeline.lessonID) colours")
                if size.width == 80 {
                    // The hosts are as they were before the calls and waits that make the segment (small layout:
                    // state names as text): after `A close`, A's FIN_WAIT_1 would answer the question.
                    let before = session.player.visibleFrame
                    #expect(before.index == timeline.questionLeadStart(before: frame.index) - 1)
                    for lead in timeline.frames[(before.index + 1)..<frame.index] {
                        if case .segment = lead.event {
                            Issue.record("\(timeline.lessonID): a segment before the question")
                        }
                    }
                    let row = canvas.line(4)
                    #expect(row.contains(" \(before.host(.a).state) ") && row.contains(" \(before.host(.b).state) "))
                }
                if let narration = frame.narration?.en, narration.count > 30 {
                    #expect(!text.contains(String(narration.prefix(30))), "the step's narration stays hidden")
                }
            }
        }
        #expect(questions >= 20)
    }

    @Test func theRevealShowsTheSegmentTheAnswerAndTheRule() throws {
        for timeline in Self.timelines {
            for session in Self.stops(timeline) {
                guard case .revealed(let point) = session.quizStage, let wire = session.player.frame.wire else {
                    continue
                }
                // Lines joined, so that a wrapped sentence reads as one.
                let text = PresenterRenderer.render(session, size: Size(width: 120, height: 40)).text
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let where_ = "\(timeline.lessonID) step \(session.player.stepNumber)"
                #expect(text.contains(Self.label(wire, in: timeline)), "\(where_): the segment on the wire")
                #expect(text.contains("Answer"), "\(where_)")
                if point.fields.contains(.flags) {
                    #expect(text.contains("flags \(wire.segment.flags.tcpdump)"), "\(where_)")
                }
                if point.fields.contains(.sender) { #expect(text.contains("\(wire.from) → \(wire.to)"), "\(where_)") }
                // A time question on a state change is explained by that change's rule.
                let rule = point.measure?.reason ?? wire.sentBecause
                #expect(text.contains("RFC 9293 \(rule.section)"), "\(where_): the rule")
            }
        }
    }

    @Test func bigLettersOnlyWhereTheyFit() {
        let timeline = BuiltInLessons.handshake
        var session = PresenterSession(timeline: timeline)
        _ = session.update(.key(.end))
        let solid = { (size: Size) in
            let canvas = PresenterRenderer.render(session, size: size)
            return canvas.cells.count { $0.ink == .solid }
        }
        // 80x24: the states and the counter in reverse video, a handful of cells each.
        let small = solid(Size(width: 80, height: 24))
        #expect(small > 0 && small < 60)
        // 120x40: both ESTABLISHED in big letters, and the counter.
        #expect(solid(Size(width: 120, height: 40)) > 150)
        // Big states are drawn, not written: the box rows hold no state name as text.
        let big = PresenterRenderer.render(session, size: Size(width: 120, height: 40))
        #expect((6..<15).allSatisfy { !big.line($0).contains("ESTABLISHED") })
        #expect(PresenterRenderer.render(session, size: Size(width: 80, height: 24)).line(4).contains("ESTABLISHED"))
    }

    @Test func aBlankScreenIsBlankAndATooSmallOneSaysSo() {
        var session = PresenterSession(timeline: BuiltInLessons.handshake)
        _ = session.update(.key(.character("b")))
        let blank = PresenterRenderer.render(session, size: Size(width: 120, height: 40))
        #expect(blank.cells.allSatisfy { $0 == .blank })
        _ = session.update(.key(.space))
        let tiny = PresenterRenderer.render(session, size: Size(width: 60, height: 20)).text
        #expect(tiny.contains("60x20"))
    }

    @Test func chineseScreenKeepsEveryRowWithinTheWidth() {
        for session in Self.stops(BuiltInLessons.handshake, language: .zh) {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let canvas = PresenterRenderer.render(session, size: size)
                for row in 0..<canvas.height {
                    #expect(TextWidth.of(canvas.line(row)) <= size.width)
                }
                // Every wide character has its right half right after it.
                for (index, cell) in canvas.cells.enumerated() where cell.isContinuation {
                    #expect(index % size.width > 0 && TextWidth.of(canvas.cells[index - 1].text) == 2)
                }
            }
        }
    }
}
