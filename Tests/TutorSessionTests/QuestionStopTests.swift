import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorSession

/// A question is asked before the calls that make its segment, so nothing on screen answers it (TEACHING.md
/// rule 12): after `A close`, A is in FIN_WAIT_1 and its FIN is in flight.
@Suite struct QuestionStopTests {
    static func finQuestion() throws -> (timeline: Timeline, finFrame: Int, closeFrame: Int) {
        let timeline = try Curriculum.timeline("four-way-teardown")
        let fin = try #require(Curriculum.frame(timeline) { $0.from == .a && $0.segment.flags.contains(.fin) })
        let close = try #require(
            timeline.frames[..<fin].lastIndex {
                if case .call(.a, .close) = $0.event { return true }
                return false
            })
        return (timeline, fin, close)
    }

    @Test func theQuestionComesBeforeTheCallThatSendsTheSegment() throws {
        let (timeline, fin, close) = try Self.finQuestion()
        var player = LessonPlayer(timeline: timeline, step: close)
        // Going to the step of the call lands on the question, with the hosts as they were before it.
        #expect(player.stop.phase == .question)
        #expect(player.stop.frameIndex == fin)
        #expect(player.stepNumber == close + 1)
        #expect(player.visibleFrame.host(.a).state == .established)
        #expect(player.visibleFrame.inFlight.isEmpty)
        // Then the call (A in FIN_WAIT_1, the FIN in flight), then the FIN crossing.
        let moved = player.forward(animate: false)
        #expect(moved)
        #expect(player.stop.frameIndex == close && player.stop.phase == .shown)
        #expect(player.visibleFrame.host(.a).state == .finWait1)
        let movedAgain = player.forward(animate: false)
        #expect(movedAgain)
        #expect(player.stop.frameIndex == fin && player.stop.phase == .shown)
    }

    @Test func everyQuestionInTheCurriculumShowsHostsFromBeforeItsCalls() throws {
        var asked = 0
        for timeline in Curriculum.timelines {
            let player = LessonPlayer(timeline: timeline)
            for stop in player.stops where stop.phase == .question {
                asked += 1
                let visible = timeline.frames[stop.visibleFrameIndex]
                // Nothing between the screen and the segment is a segment, and no call of it has happened.
                for frame in timeline.frames[(visible.index + 1)..<stop.frameIndex] {
                    if case .segment = frame.event {
                        Issue.record("\(timeline.lessonID): a segment before the question")
                    }
                }
                // The sender's calls (`A close`) come after the question; the other host's may come before it.
                let sender = timeline.frames[stop.frameIndex].wire?.from
                if let previous = timeline.frames[..<stop.frameIndex].last(where: {
                    if case .call(let host, _) = $0.event { return host == sender }
                    return false
                }), previous.index > timeline.frames[..<stop.frameIndex].lastIndex(where: { $0.wire != nil }) ?? 0 {
                    #expect(
                        visible.index < previous.index,
                        "\(timeline.lessonID): the call before step \(stop.frameIndex + 1) is on screen")
                }
                // Made by calls, the asked segment is not yet in flight on screen (an answer to the last segment is,
                // as that segment's outcome, but only counted, never labelled).
                guard visible.index + 1 < stop.frameIndex, let segment = timeline.frames[stop.frameIndex].wire else {
                    continue
                }
                // A segment sent in answer to the last one (a third segment with data, crossing a link that a `wait`
                // stands for) is that segment's outcome, not the lead's.
                let lastSegment = timeline.frames[..<stop.frameIndex].last { $0.wire != nil }
                if lastSegment?.emitted.contains(where: { $0.segment == segment.segment && $0.from == segment.from })
                    == true
                {
                    continue
                }
                let onScreen = visible.inFlight.contains { $0.segment == segment.segment && $0.from == segment.from }
                #expect(!onScreen, "\(timeline.lessonID): the asked segment is in flight on screen")
            }
        }
        #expect(asked >= 40)
    }

    @Test func thePresenterRevealsWhereItAskedThenStepsThroughTheCall() throws {
        let (timeline, fin, close) = try Self.finQuestion()
        var session = PresenterSession(timeline: timeline)
        _ = session.update(.key(.character("g")))
        for digit in String(close + 1) { _ = session.update(.key(.character(digit))) }
        _ = session.update(.key(.enter))
        guard case .asked = session.quizStage else {
            Issue.record("not asked: \(String(describing: session.quizStage))")
            return
        }
        _ = session.update(.key(.pageDown))
        guard case .revealed = session.quizStage else {
            Issue.record("not revealed: \(String(describing: session.quizStage))")
            return
        }
        // Revealed in place: the hosts have not moved yet.
        #expect(session.player.visibleFrame.host(.a).state == .established)
        _ = session.update(.key(.pageDown))
        #expect(session.player.stop.frameIndex == close)
        #expect(session.quizStage == nil)
        // Back onto the question asks it again, as it was put to the class.
        _ = session.update(.key(.pageUp))
        guard case .asked = session.quizStage else {
            Issue.record("back onto the question: \(String(describing: session.quizStage))")
            return
        }
        _ = session.update(.key(.pageDown))
        _ = session.update(.key(.pageDown))
        _ = session.update(.key(.pageDown))
        #expect(session.player.stop.frameIndex == fin && session.player.stop.phase == .shown)
    }
}
