import ClassLink
import ClassStore
import Foundation
import Testing

@testable import ClassServer

/// The follow class's hub: the relay's deliveries reach each session's link through that link's own writer, a
/// link that cannot be written to leaves the class, and a tutor that does not read holds up nobody.
struct ClassFollowTests {
    static let lesson = "three-way-handshake"

    /// A socketpair: the server's end for a `LinkWriter`, the tutor's end read as the tutor reads it.
    struct Pair {
        let writer: LinkWriter
        let tutor: ClassLinkConnection
        let tutorEnd: Int32

        init(_ name: String, limits: LinkWriter.Limits = .standard) throws {
            let ends = try SocketPair.make()
            writer = LinkWriter(descriptor: ends.server, peer: name, limits: limits)
            tutor = ClassLinkConnection(descriptor: ends.tutor, peer: "the class server")
            tutorEnd = ends.tutor
        }

        func next() throws -> ClassMessage? { try tutor.receive(timeoutMilliseconds: 5_000) }
    }

    func makeFollow() throws -> (ClassFollow, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("follow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (ClassFollow(lesson: Self.lesson, store: try SQLiteClassStore(directory: folder)), folder)
    }

    /// The instructor's link joins `follow`, and is told the class is empty.
    func instructorJoins(_ follow: ClassFollow) throws -> Pair {
        let instructor = try Pair("instructor")
        follow.join(.instructor, writer: instructor.writer)
        #expect(try instructor.next() == .classroom(students: 0))
        return instructor
    }

    @Test func aFollowerWhoseLinkIsDeadLeavesTheClass() throws {
        let (follow, folder) = try makeFollow()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let instructor = try instructorJoins(follow)

        let ada = try Pair("ada")
        let role = FollowRelay.Recipient.follower(follow.newFollower(student: "ada"))
        ada.writer.onGone { [writer = ada.writer] _ in follow.leave(role, writer: writer) }
        follow.join(role, writer: ada.writer)
        #expect(try ada.next() == .followStep(lessonID: Self.lesson, position: 0, revealed: false))
        #expect(try instructor.next() == .classroom(students: 1))

        // Ada's tutor is gone without a word: the next step cannot be written to her link, and she leaves.
        ada.tutor.close()
        follow.received(.presenterStep(lessonID: Self.lesson, position: 3, revealed: false), from: .instructor)
        #expect(try instructor.next() == .classroom(students: 0))
    }

    @Test func aTutorThatDoesNotReadHoldsUpNobody() throws {
        let (follow, folder) = try makeFollow()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let slow = try Pair("slow")
        let slowRole = FollowRelay.Recipient.follower(follow.newFollower(student: "slow"))
        follow.join(slowRole, writer: slow.writer)
        let ada = try Pair("ada")
        follow.join(.follower(follow.newFollower(student: "ada")), writer: ada.writer)
        #expect(try ada.next() == .followStep(lessonID: Self.lesson, position: 0, revealed: false))

        // Far more steps than the slow tutor's socket holds: the relay goes on, and Ada gets every one.
        let steps = 20_000
        let started = ContinuousClock.now
        for step in 1...steps {
            follow.received(
                .presenterStep(lessonID: Self.lesson, position: UInt32(step), revealed: false), from: .instructor)
        }
        let queued = ContinuousClock.now - started
        for step in 1...steps {
            let message = try ada.next()
            guard message == .followStep(lessonID: Self.lesson, position: UInt32(step), revealed: false) else {
                Issue.record("step \(step): \(String(describing: message))")
                return
            }
        }
        #expect(queued < .seconds(5), "the relay waited for the slow tutor: \(queued)")
        slow.tutor.close()
    }

    /// What a writer's `gone` said, waited for.
    final class GoneReason: @unchecked Sendable {
        private let said = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var reasons: [String] = []

        func record(_ reason: String) {
            lock.withLock { reasons.append(reason) }
            said.signal()
        }

        /// The reason, once `gone` was called (nil if it was not within `seconds`); `gone` is called once.
        func wait(seconds: Int) -> [String]? {
            guard said.wait(timeout: .now() + .seconds(seconds)) == .success else { return nil }
            usleep(100_000)
            return lock.withLock { reasons }
        }
    }

    @Test func aFollowerThatNeverReadsIsDroppedOnceTooMuchWaitsForIt() throws {
        let (follow, folder) = try makeFollow()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let instructor = try instructorJoins(follow)
        let limit = 256 << 10
        let slow = try Pair("slow", limits: .init(queuedBytes: limit, stalled: .seconds(600)))
        let gone = GoneReason()
        let role = FollowRelay.Recipient.follower(follow.newFollower(student: "slow"))
        slow.writer.onGone { [writer = slow.writer] reason in
            gone.record(reason)
            follow.leave(role, writer: writer)
        }
        follow.join(role, writer: slow.writer)
        #expect(try instructor.next() == .classroom(students: 1))

        // The slow tutor never reads: far more steps than its socket and the limit hold together.
        let step = ClassMessage.presenterStep(lessonID: Self.lesson, position: 1, revealed: false)
        let steps = 100_000
        for position in 1...steps {
            follow.received(
                .presenterStep(lessonID: Self.lesson, position: UInt32(position), revealed: false), from: .instructor)
        }
        let reasons = try #require(gone.wait(seconds: 10), "the link that is not read is dropped")
        #expect(reasons.count == 1, "gone is called once: \(reasons)")
        #expect(reasons.first?.contains("unread, more than the \(limit) a link may hold") == true, "\(reasons)")
        #expect(try instructor.next() == .classroom(students: 0), "the dropped follower leaves the class")
        #expect(slow.writer.waitingBytes == 0, "nothing more is kept for it")

        // The tutor's side sees its link end after what its socket held, far short of every step.
        var received = 0
        do {
            while try slow.tutor.receive(timeoutMilliseconds: 5_000) != nil { received += 1 }
            Issue.record("the dropped link did not end")
        } catch {
            #expect("\(error)".contains("gone"), "\(error)")
        }
        #expect(received > 0 && received < steps, "\(received) of \(steps) steps reached the tutor")
        #expect(step.frame().count * received <= limit + (4 << 20), "no more than the socket and the limit held")
    }

    @Test func aTutorThatStopsReadingIsDroppedAfterTheStallLimit() throws {
        let slow = try Pair("slow", limits: .init(queuedBytes: 64 << 20, stalled: .milliseconds(300)))
        let gone = GoneReason()
        slow.writer.onGone { reason in gone.record(reason) }
        // More than the socket holds, well under the byte limit: then nothing more is sent, and nothing read.
        let started = ContinuousClock.now
        for position in 1...60_000 {
            slow.writer.send(.presenterStep(lessonID: Self.lesson, position: UInt32(position), revealed: false))
        }
        let reasons = try #require(gone.wait(seconds: 10), "a write that waits past the limit ends the link")
        #expect(reasons.first?.contains("the tutor read nothing for") == true, "\(reasons)")
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(slow.writer.waitingBytes == 0)
        slow.writer.close()
    }
}
