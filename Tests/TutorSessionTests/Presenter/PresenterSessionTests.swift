import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing

@testable import TutorSession

/// The presenter's keys on the seed's handshake: start, B listen, A connect, SYN, SYN-ACK (a quiz point
/// asking sender, flags, seq and ack), ACK.
@Suite struct PresenterSessionTests {
    static func session(animates: Bool = false, keys: [Key] = []) -> PresenterSession {
        var session = PresenterSession(timeline: BuiltInLessons.handshake, animates: animates)
        for key in keys { _ = session.update(.key(key)) }
        return session
    }

    /// Presses `key`; whether the session moved (a key that means nothing, such as a click past the end,
    /// changes nothing).
    static func moves(_ session: inout PresenterSession, _ key: Key) -> Bool {
        let before = session
        _ = session.update(.key(key))
        return session != before
    }

    /// Where the session rests: the 1-based step and whether its quiz is asked or revealed.
    static func position(_ session: PresenterSession) -> String {
        let stage: String =
            switch session.quizStage {
            case .asked: " asked"
            case .revealed: " revealed"
            case nil: ""
            }
        return "\(session.player.stepNumber)\(stage)"
    }

    @Test func nextKeysStepThroughEveryStopAndStopAtTheEnd() {
        for next in [Key.pageDown, .right, .space] {
            var session = Self.session()
            var seen = [Self.position(session)]
            while Self.moves(&session, next) { seen.append(Self.position(session)) }
            #expect(seen == ["1", "2", "3", "4", "5 asked", "5 revealed", "6"], "with \(next)")
            #expect(session.player.isAtEnd)
            #expect(!Self.moves(&session, next), "a click past the end does nothing")
        }
    }

    @Test func backKeysRetraceTheStopsExactly() {
        for back in [Key.pageUp, .left] {
            var session = Self.session(keys: [.end])
            var seen = [Self.position(session)]
            while Self.moves(&session, back) { seen.append(Self.position(session)) }
            #expect(seen == ["6", "5 revealed", "5 asked", "4", "3", "2", "1"], "with \(back)")
            #expect(session.player.isAtStart)
        }
    }

    @Test func aQuizPointHidesTheSegmentUntilEnterRevealsIt() throws {
        var session = Self.session(keys: [.pageDown, .pageDown, .pageDown, .pageDown])
        let point = try #require(session.timeline.frames[4].quiz)
        #expect(session.quizStage == .asked(point))
        // While asked, the hosts are as they were before the segment: A still in SYN_SENT.
        #expect(session.player.visibleFrame.index == 3)
        #expect(session.player.visibleFrame.host(.a).state == .synSent)
        #expect(session.update(.key(.enter)) == [])
        #expect(session.quizStage == .revealed(point))
        #expect(session.player.visibleFrame.index == 4)
        #expect(session.player.visibleFrame.host(.a).state == .established)
        #expect(session.player.frame.wire?.segment.flags == [.syn, .ack])
        // Back from the answer puts the question up again, answer hidden.
        _ = session.update(.key(.pageUp))
        #expect(session.quizStage == .asked(point))
    }

    @Test func blankingHidesTheScreenAndAnyKeyOnlyBringsItBack() {
        var session = Self.session(keys: [.pageDown, .pageDown])
        let before = session.player
        #expect(session.update(.key(.character("b"))) == [])
        #expect(session.isBlank)
        // The next-step key unblanks without stepping: the class sees the step it left.
        #expect(session.update(.key(.pageDown)) == [])
        #expect(!session.isBlank)
        #expect(session.player == before)
        // '.' is the other key clickers send for blanking; q while blank only unblanks.
        _ = session.update(.key(.character(".")))
        #expect(session.isBlank)
        #expect(session.update(.key(.character("q"))) == [])
        #expect(!session.isBlank)
        _ = session.update(.key(.character("b")))
        #expect(session.update(.key(.interrupt)) == [.quit], "Ctrl-C quits even on a blank screen")
    }

    @Test func goToAStepOpensItsQuestionFirst() {
        var session = Self.session(keys: [.character("g"), .character("5")])
        #expect(session.dialog == .jump(digits: "5"))
        #expect(session.update(.key(.enter)) == [])
        #expect(session.dialog == nil)
        #expect(Self.position(session) == "5 asked")
        _ = session.update(.key(.character("g")))
        _ = session.update(.key(.character("2")))
        _ = session.update(.key(.enter))
        #expect(Self.position(session) == "2")
    }

    @Test func goToRejectsStepsOutsideTheLessonAndEscapeCancels() {
        var session = Self.session(keys: [.pageDown])
        for key in [Key.character("g"), .character("7")] { _ = session.update(.key(key)) }
        #expect(session.update(.key(.enter)) == [], "the handshake has 6 steps")
        #expect(session.dialog == .jump(digits: "7"))
        _ = session.update(.key(.backspace))
        #expect(session.update(.key(.character("x"))) == [])
        #expect(session.dialog == .jump(digits: ""))
        _ = session.update(.key(.escape))
        #expect(session.dialog == nil)
        #expect(Self.position(session) == "2")
    }

    @Test func aClickerLeavesTheGoToDialogAndActs() {
        var session = Self.session(keys: [.pageDown, .character("g"), .character("4")])
        _ = session.update(.key(.pageDown))
        #expect(session.dialog == nil, "PageDown closes the dialog")
        #expect(Self.position(session) == "3")
        _ = session.update(.key(.character("g")))
        _ = session.update(.key(.pageUp))
        #expect(session.dialog == nil)
        #expect(Self.position(session) == "2")
        _ = session.update(.key(.character("g")))
        _ = session.update(.key(.character(".")))
        #expect(session.dialog == nil)
        #expect(session.isBlank, "the clicker's blank button blanks")
    }

    @Test func homeEndLanguageAndQuit() {
        var session = Self.session(keys: [.end])
        #expect(Self.position(session) == "6")
        _ = session.update(.key(.home))
        #expect(Self.position(session) == "1")
        #expect(session.language == .en)
        _ = session.update(.key(.character("l")))
        #expect(session.language == .zh)
        _ = session.update(.key(.character("l")))
        #expect(session.language == .en)
        #expect(session.update(.key(.character("z"))) == [])
        #expect(session.update(.key(.character("q"))) == [.quit])
    }

    @Test func helpClosesWithAnyKeyAndAStepKeyStillSteps() {
        var session = Self.session(keys: [.character("?")])
        #expect(session.dialog == .help)
        _ = session.update(.key(.pageDown))
        #expect(session.dialog == nil)
        #expect(Self.position(session) == "2")
        _ = session.update(.key(.character("?")))
        _ = session.update(.key(.escape))
        #expect(session.dialog == nil)
        #expect(Self.position(session) == "2")
    }

    @Test func segmentsCrossAtOnceUnlessAnimationIsAskedFor() {
        var still = Self.session(keys: [.pageDown, .pageDown])
        _ = still.update(.key(.pageDown))
        #expect(still.player.frame.wire != nil)
        #expect(!still.isAnimating, "no delay in presenter mode by default")

        var moving = Self.session(animates: true, keys: [.pageDown, .pageDown])
        _ = moving.update(.key(.pageDown))
        #expect(moving.isAnimating)
        var ticks = 0
        while moving.isAnimating, ticks < 100 {
            _ = moving.update(.tick)
            ticks += 1
        }
        #expect(ticks == Crossing.duration)
        // Revealing a quiz answer animates too; blanking stops the ticks, and a key finishes the crossing.
        _ = moving.update(.key(.pageDown))
        _ = moving.update(.key(.enter))
        #expect(moving.quizStage != nil && moving.isAnimating)
        _ = moving.update(.key(.character("b")))
        #expect(!moving.isAnimating)
        _ = moving.update(.key(.space))
        _ = moving.update(.key(.character("l")))
        #expect(moving.player.crossing == nil)
    }

    /// Every real lesson can be presented from start to end, each quiz point asked before it is revealed.
    @Test func everyLessonPresentsEachQuizPointAskedThenRevealed() throws {
        var revealedInPlace = 0
        for timeline in Curriculum.timelines {
            var session = PresenterSession(timeline: timeline)
            var asked: [Int] = []
            var revealed: [Int] = []
            repeat {
                switch session.quizStage {
                case .asked: asked.append(session.player.stop.frameIndex)
                case .revealed: revealed.append(session.player.stop.frameIndex)
                case nil: break
                }
            } while Self.moves(&session, .pageDown)
            let quizFrames = timeline.frames.filter { $0.quiz != nil }.map(\.index)
            #expect(asked == quizFrames, "\(timeline.lessonID)")
            // A question asked before calls is revealed where it was asked, then again as its segment crosses.
            var once: [Int] = []
            for frame in revealed where once.last != frame { once.append(frame) }
            #expect(once == quizFrames, "\(timeline.lessonID)")
            revealedInPlace += revealed.count - quizFrames.count
        }
        #expect(revealedInPlace >= 10, "questions asked before calls are revealed where they were asked")
    }
}
