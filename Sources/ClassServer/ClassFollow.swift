import ClassLink
import ClassStore
import Foundation

/// The class a server runs with `serve --follow LESSON`: one `FollowRelay` shared by every session, behind a
/// lock, and the writer of each session's class link, so that every `Delivery` the relay returns goes to each of
/// its recipients. The lock is held only to change the relay and to queue the messages: each link has a writer of
/// its own, so a tutor slow to read holds up its own link and never the class.
public final class ClassFollow: @unchecked Sendable {
    /// The lesson the class follows, as the lessons folder names it.
    public let lesson: String
    /// Where each student's progress is kept (`DIR/class.sqlite`): saves over the link are answered from it.
    public let store: any ClassStore
    private let lock = NSLock()
    private var relay: FollowRelay
    private var writers: [FollowRelay.Recipient: LinkWriter] = [:]

    public init(lesson: String, store: any ClassStore) {
        self.lesson = lesson
        self.store = store
        relay = FollowRelay(lessonID: lesson)
    }

    /// A new follower's session for `student` (who may follow from several terminals).
    func newFollower(student: String) -> FollowRelay.Follower {
        lock.withLock { relay.newFollower(student: student) }
    }

    /// A session's link is ready (its hello queued): it joins the relay, and a follower gets the current step.
    func join(_ role: FollowRelay.Recipient, writer: LinkWriter) {
        lock.withLock {
            writers[role] = writer
            switch role {
            case .instructor: deliver(relay.instructorJoined())
            case .follower(let follower): deliver(relay.join(follower))
            }
        }
    }

    /// A session's link ended (or could not be written to): it leaves the relay. A second instructor's session
    /// that took over the link is not removed by the first one's end.
    func leave(_ role: FollowRelay.Recipient, writer: LinkWriter) {
        lock.withLock {
            guard writers[role] === writer else { return }
            writers[role] = nil
            switch role {
            case .instructor: relay.instructorLeft()
            case .follower(let follower): deliver(relay.leave(follower))
            }
        }
    }

    /// A message a session's tutor sent: the instructor's steps go to the class, the students' answers to the
    /// instructor.
    func received(_ message: ClassMessage, from role: FollowRelay.Recipient) {
        lock.withLock {
            switch role {
            case .instructor: deliver(relay.fromInstructor(message))
            case .follower(let follower): deliver(relay.fromFollower(follower, message))
            }
        }
    }

    /// Called with the lock held: queues each message on its recipients' writers, in the relay's order.
    private func deliver(_ deliveries: [FollowRelay.Delivery]) {
        for delivery in deliveries {
            for recipient in delivery.recipients { writers[recipient]?.send(delivery.message) }
        }
    }
}

/// Where one session sits in a follow class: the class, and whether it leads or follows.
struct FollowSeat: Sendable {
    let follow: ClassFollow
    let role: FollowRelay.Recipient
}
