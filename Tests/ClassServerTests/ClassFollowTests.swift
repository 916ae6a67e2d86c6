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

        init(_ name: String) throws {
            var ends: [Int32] = [-1, -1]
            try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
            writer = LinkWriter(descriptor: ends[1], peer: name)
            tutor = ClassLinkConnection(descriptor: ends[0], peer: "the class server")
            tutorEnd = ends[0]
        }

        func next() throws -> ClassMessage? { try tutor.receive(timeoutMilliseconds: 5_000) }
    }

    func makeFollow() throws -> (ClassFollow, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("follow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (ClassFollow(lesson: Self.lesson, store: try SQLiteClassStore(directory: folder)), folder)
    }

    @Test func aFollowerWhoseLinkIsDeadLeavesTheClass() throws {
        let (follow, folder) = try makeFollow()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let instructor = try Pair("instructor")
        follow.join(.instructor, writer: instructor.writer)
        #expect(try instructor.next() == .classroom(students: 0))

        let ada = try Pair("ada")
        let role = FollowRelay.Recipient.follower(follow.newFollower(student: "ada"))
        ada.writer.onGone { [writer = ada.writer] in follow.leave(role, writer: writer) }
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
}
