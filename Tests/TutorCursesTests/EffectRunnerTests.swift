import Testing
import TutorSession

@testable import TutorCurses

/// The runtime's effects: a save may wait for an idle moment, but however the run ends it is written first.
@Suite("The full-screen runtime's effects")
struct EffectRunnerTests {
    /// The effects the runtime carried out, in order.
    final class Performed {
        var effects: [Effect] = []
        var saves: [ProgressBook] {
            effects.compactMap { effect in
                if case .saveProgress(let book) = effect { book } else { nil }
            }
        }
    }

    /// A follower answered, and the class ends in the poll that brings the reveal: the class link's source hands
    /// the runtime the reveal, then Ctrl-C (`ClassFollowSource.poll`). The graded answer's save waits for an idle
    /// moment that never comes, because the Ctrl-C quits; it must be written before the runtime returns.
    @Test("a quit brought by a source, not a key, writes the save that was waiting")
    func quitFromASourceWritesTheWaitingSave() throws {
        var session = TutorSession.following(BuiltInLessons.handshake)
        let position = try #require(session.player?.stops.firstIndex { $0.phase == .question })
        _ = session.update(.classStep(ClassStep(position: position, revealed: false)))
        for character in "B\tS.\t1739326486\t3626544837" { _ = session.update(.key(.character(character))) }
        _ = session.update(.key(.enter))

        let performed = Performed()
        var runner = EffectRunner { effect in
            performed.effects.append(effect)
            return nil
        }
        let quits = runner.deliver(
            [.classStep(ClassStep(position: position, revealed: true)), .key(.interrupt)], to: &session)
        #expect(quits)
        let saved = try #require(performed.saves.last, "the answer's save was not written: \(performed.effects)")
        #expect(saved == session.progress)
        #expect(saved["three-way-handshake"]?.score?.answered == 1)
        #expect(performed.saves.count == 1, "only the latest save of the waiting ones is written")
    }

    /// Without a quit, a save still waits for the student to be idle (the runtime writes it then).
    @Test("a save waits while the app goes on, and is written when the runtime asks for the waiting effects")
    func saveWaitsUntilIdle() throws {
        var session = TutorSession.following(BuiltInLessons.handshake)
        let performed = Performed()
        var runner = EffectRunner { effect in
            performed.effects.append(effect)
            return nil
        }
        let quits = runner.deliver([.classStep(ClassStep(position: 1, revealed: false))], to: &session)
        #expect(!quits)
        #expect(performed.saves.isEmpty)
        runner.performWaiting(on: &session)
        #expect(performed.saves == [session.progress])
    }
}
