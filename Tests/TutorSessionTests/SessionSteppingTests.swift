import LessonKit
import TCPCore
import Testing

@testable import TutorSession

/// Stepping through a lesson: forward, back to the exact earlier state, jumps, quiz stops, animation.
@Suite struct SessionSteppingTests {
    static let handshake = BuiltInLessons.handshake

    static func openSession(animates: Bool = false, progress: ProgressBook = ProgressBook()) -> TutorSession {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "02-handshake.lesson", content: .success(handshake))], progress: progress,
            animates: animates)
        #expect(session.update(.key(.enter)) == [.saveProgress(session.progress)])
        return session
    }

    @Test func enterOpensTheLessonAtItsFirstStep() throws {
        let session = Self.openSession()
        let player = try #require(session.player)
        #expect(player.stop == Stop(frameIndex: 0, phase: .shown, visibleFrameIndex: 0))
        #expect(player.visibleFrame.host(.a).state == .closed)
    }

    @Test func everyForwardKeyStepsAndBackReturnsToTheIdenticalEarlierState() throws {
        var session = Self.openSession()
        var seen = [session]
        // The fourth key lands on the quiz point, whose answer panel takes Right and Space as editing keys;
        // PageDown skips the question and shows the segment.
        for key in [Key.right, .space, .pageDown, .enter, .pageDown, .right] {
            #expect(session.update(.key(key)) == [.saveProgress(session.progress)])
            seen.append(session)
        }
        let end = try #require(session.player)
        #expect(end.isAtEnd)
        #expect(end.frame.host(.b).state == .established)
        #expect(session.update(.key(.right)) == [])
        let backKeys = [Key.left, .pageUp, .pageUp, .backspace, .left, .pageUp]
        for (expected, key) in zip(seen.reversed().dropFirst(), backKeys) {
            _ = session.update(.key(key))
            #expect(session.player == expected.player)
        }
        #expect(session.update(.key(.pageUp)) == [])
    }

    @Test func aQuizPointAsksBeforeTheSegmentIsShown() throws {
        var session = Self.openSession()
        for _ in 0..<4 { _ = session.update(.key(.pageDown)) }
        let asking = try #require(session.player)
        let quiz = try #require(asking.pendingQuiz)
        #expect(quiz.fields == [.sender, .flags, .seq, .ack])
        // While the question is up the hosts are those before the segment: A has not seen the SYN+ACK.
        #expect(asking.visibleFrame.host(.a).state == .synSent)
        #expect(asking.frame.wire?.segment.flags == [.syn, .ack])
        #expect(QuestionWording.text(for: quiz, .en) == "Who sends next, which flags, seq, ack?")
        _ = session.update(.key(.pageDown))
        let revealed = try #require(session.player)
        #expect(revealed.pendingQuiz == nil)
        #expect(revealed.visibleFrame.host(.a).state == .established)
        #expect(revealed.stepNumber == asking.stepNumber)
    }

    @Test func homeEndAndJumpMoveToExactFrames() throws {
        var session = Self.openSession()
        _ = session.update(.key(.end))
        #expect(session.player?.stop.frameIndex == Self.handshake.frames.count - 1)
        _ = session.update(.key(.home))
        #expect(session.player?.stop.frameIndex == 0)
        _ = session.update(.key(.character("g")))
        #expect(session.dialog == .jump(digits: ""))
        _ = session.update(.key(.character("5")))
        _ = session.update(.key(.character("x")))
        #expect(session.dialog == .jump(digits: "5"))
        #expect(session.update(.key(.enter)) == [.saveProgress(session.progress)])
        // Step 5 is the SYN+ACK, which has a quiz point: a jump lands on its question.
        #expect(session.player?.stop == Stop(frameIndex: 4, phase: .question, visibleFrameIndex: 3))
        #expect(session.dialog == nil)
    }

    @Test func aJumpOutOfRangeIsRefusedAndEscapeCancels() {
        var session = Self.openSession()
        _ = session.update(.key(.character("g")))
        _ = session.update(.key(.character("9")))
        #expect(session.update(.key(.enter)) == [])
        #expect(session.dialog == .jump(digits: "9"))
        _ = session.update(.key(.backspace))
        #expect(session.dialog == .jump(digits: ""))
        _ = session.update(.key(.escape))
        #expect(session.dialog == nil)
        #expect(session.player?.stop.frameIndex == 0)
    }

    @Test func aClickerLeavesTheDialogsAndSteps() {
        var session = Self.openSession()
        for dialogKey in [Key.character("g"), .character("?")] {
            _ = session.update(.key(dialogKey))
            #expect(session.dialog == (dialogKey == .character("g") ? .jump(digits: "") : .help))
            _ = session.update(.key(.pageDown))
            #expect(session.dialog == nil, "\(dialogKey): PageDown closes the dialog")
        }
        #expect(session.player?.stop.frameIndex == 2, "and steps, once per press")
        _ = session.update(.key(.character("g")))
        _ = session.update(.key(.pageUp))
        #expect(session.dialog == nil)
        #expect(session.player?.stop.frameIndex == 1)
    }

    @Test func aStepForwardAnimatesTheCrossingAndAKeyFinishesIt() throws {
        var session = Self.openSession(animates: true)
        for _ in 0..<2 { _ = session.update(.key(.right)) }
        #expect(!session.isAnimating, "a user call has no segment to animate")
        _ = session.update(.key(.right))
        #expect(session.isAnimating)
        for _ in 0..<(Crossing.duration - 1) { _ = session.update(.tick) }
        #expect(session.player?.crossing?.tick == Crossing.duration - 1)
        _ = session.update(.tick)
        #expect(!session.isAnimating)
        _ = session.update(.key(.right))  // the question
        _ = session.update(.key(.pageDown))  // skipped: the SYN+ACK crosses
        #expect(session.isAnimating)
        _ = session.update(.key(.character("t")))
        #expect(!session.isAnimating, "any key finishes the crossing at once")
        #expect(session.showsTCB)
        _ = session.update(.key(.left))
        #expect(!session.isAnimating, "going back never animates")
    }

    @Test func togglesChangeOnlyWhatIsShown() throws {
        var session = Self.openSession()
        let before = try #require(session.player)
        _ = session.update(.key(.character("t")))
        _ = session.update(.key(.character("r")))
        #expect(session.showsTCB)
        #expect(session.numbering == .relative)
        _ = session.update(.key(.character("r")))
        #expect(session.numbering == .absolute)
        #expect(session.update(.key(.character("l"))) == [.saveProgress(session.progress)])
        #expect(session.language == .zh)
        #expect(session.progress.language == .zh)
        #expect(session.player == before)
    }

    @Test func helpOpensAnywhereAndAnyKeyClosesIt() {
        var session = Self.openSession()
        _ = session.update(.key(.character("?")))
        #expect(session.dialog == .help)
        _ = session.update(.key(.escape))
        #expect(session.dialog == nil)
        _ = session.update(.key(.character("?")))
        // A clicker's PageDown closes the help and still steps.
        _ = session.update(.key(.pageDown))
        #expect(session.dialog == nil)
        #expect(session.player?.stop.frameIndex == 1)
    }

    @Test func qGoesBackToTheMenuThenQuitsAndCtrlCQuitsFromAnywhere() {
        var session = Self.openSession()
        #expect(session.update(.key(.character("q"))) == [.saveProgress(session.progress)])
        #expect(session.screen == .menu)
        #expect(session.update(.key(.character("q"))) == [.saveProgress(session.progress), .quit])
        var other = Self.openSession()
        _ = other.update(.key(.character("g")))
        #expect(other.update(.key(.interrupt)) == [.saveProgress(other.progress), .quit])
    }
}
