import ClassLink
import Foundation
import Testing

@testable import ClassStore

@Suite("Follow mode on the server: the relay between the instructor and the followers")
struct FollowRelayTests {
    typealias Follower = FollowRelay.Follower

    static func follower(_ number: Int) -> Follower {
        Follower(session: UInt64(number), student: "s\(number)")
    }

    @Test("a step goes to every follower; a follower who joins late lands on the current step at once")
    func stepsAndLateJoiner() {
        var relay = FollowRelay(lessonID: "three-way-handshake")
        #expect(relay.instructorJoined() == [.init(.classroom(students: 0), to: [.instructor])])
        let ada = Follower(session: 1, student: "ada")
        // Before the instructor moves, the lesson's first stop.
        #expect(
            relay.join(ada) == [
                .init(.followStep(lessonID: "three-way-handshake", position: 0, revealed: false), to: [.follower(ada)]),
                .init(.classroom(students: 1), to: [.instructor]),
            ])
        let bob = Follower(session: 2, student: "bob")
        _ = relay.join(bob)
        let moved = relay.fromInstructor(.presenterStep(lessonID: "three-way-handshake", position: 4, revealed: false))
        #expect(
            moved == [
                .init(
                    .followStep(lessonID: "three-way-handshake", position: 4, revealed: false),
                    to: [.follower(ada), .follower(bob)])
            ])
        // The same step again (a key that changed nothing) is not sent.
        #expect(
            relay.fromInstructor(.presenterStep(lessonID: "three-way-handshake", position: 4, revealed: false)) == [])
        let late = Follower(session: 3, student: "cy")
        #expect(
            relay.join(late).first
                == .init(
                    .followStep(lessonID: "three-way-handshake", position: 4, revealed: false), to: [.follower(late)]))
        #expect(relay.leave(bob) == [.init(.classroom(students: 2), to: [.instructor])])
        // Messages that are not follow mode's are not the relay's.
        #expect(relay.fromInstructor(.saveProgress(request: 1, book: [])) == [])
        #expect(relay.fromFollower(ada, .saveProgress(request: 1, book: [])) == [])
    }

    @Test("an answer counts for the question on screen until its reveal; one student answering twice counts once")
    func answersCounted() {
        var relay = FollowRelay(lessonID: "close")
        _ = relay.instructorJoined()
        let ada = Follower(session: 1, student: "ada")
        let adaAgain = Follower(session: 9, student: "ada")
        _ = relay.join(ada)
        // A second terminal of the same student is no second student.
        #expect(relay.join(adaAgain).count == 1)
        #expect(relay.studentCount == 1)
        _ = relay.fromInstructor(.presenterStep(lessonID: "close", position: 3, revealed: false))
        let first = relay.fromFollower(ada, .classAnswer(position: 3, fields: ["flags": "F."]))
        #expect(
            first == [.init(.studentAnswer(student: "ada", position: 3, fields: ["flags": "F."]), to: [.instructor])])
        _ = relay.fromFollower(adaAgain, .classAnswer(position: 3, fields: ["flags": "."]))
        #expect(relay.answered(at: 3) == 1)
        #expect(relay.answers[3]?["ada"] == ["flags": "."])
        // Another question's stop, or after the reveal: not counted, not sent.
        #expect(relay.fromFollower(ada, .classAnswer(position: 2, fields: ["flags": "S"])) == [])
        _ = relay.fromInstructor(.presenterStep(lessonID: "close", position: 3, revealed: true))
        #expect(relay.fromFollower(ada, .classAnswer(position: 3, fields: ["flags": "R"])) == [])
        #expect(relay.answers[3]?["ada"] == ["flags": "."])
        // Someone who is not following is not counted.
        #expect(relay.fromFollower(Follower(session: 5, student: "eve"), .classAnswer(position: 3, fields: [:])) == [])
    }

    @Test("an instructor who comes back gets the count and every answer kept")
    func instructorReturns() {
        var relay = FollowRelay(lessonID: "close")
        let ada = Follower(session: 1, student: "ada")
        _ = relay.join(ada)
        _ = relay.fromInstructor(.presenterStep(lessonID: "close", position: 2, revealed: false))
        // No instructor yet: counted, kept, sent to nobody.
        #expect(relay.fromFollower(ada, .classAnswer(position: 2, fields: ["seq": "1"])) == [])
        #expect(
            relay.instructorJoined() == [
                .init(.classroom(students: 1), to: [.instructor]),
                .init(.studentAnswer(student: "ada", position: 2, fields: ["seq": "1"]), to: [.instructor]),
            ])
    }

    @Test("100 followers answer one question at once: every answer counted once, each sent on once")
    func hundredFollowers() {
        var relay = FollowRelay(lessonID: "three-way-handshake")
        _ = relay.instructorJoined()
        let followers = (1...100).map(Self.follower)
        for follower in followers { _ = relay.join(follower) }
        #expect(relay.studentCount == 100)
        let started = ContinuousClock.now
        let step = relay.fromInstructor(.presenterStep(lessonID: "three-way-handshake", position: 5, revealed: false))
        let stepTime = ContinuousClock.now - started
        #expect(step.count == 1 && step[0].recipients.count == 100)
        var sent: [ClassMessage] = []
        let answering = ContinuousClock.now
        // Each follower answers, and a third of them change their mind.
        for follower in followers + followers.filter({ $0.session % 3 == 0 }) {
            let fields = ["flags": follower.session % 2 == 0 ? "S." : "S", "seq": "\(follower.session)"]
            for delivery in relay.fromFollower(follower, .classAnswer(position: 5, fields: fields)) {
                #expect(delivery.recipients == [.instructor])
                sent.append(delivery.message)
            }
        }
        let answerTime = ContinuousClock.now - answering
        #expect(relay.answered(at: 5) == 100)
        #expect(sent.count == 133)
        let students = Set(sent.compactMap { if case .studentAnswer(let student, _, _) = $0 { student } else { nil } })
        #expect(students.count == 100)
        let frame = step[0].message.frame().count
        print(
            "follow relay: a step to 100 followers in \(stepTime), 133 answers from 100 followers in \(answerTime); "
                + "a follow step frame is \(frame) bytes")
    }
}
