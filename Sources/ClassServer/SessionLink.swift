import ClassLink
import ClassStore

/// What one session's class link carries, when the class has one: the exam's requests (`--exam`), or the
/// follow class's steps and answers (`--follow`), with the hello that tells the tutor which.
struct SessionLink {
    let server: StudentLinkServer
    let store: any ClassStore
    let hello: Hello
    let exam: StudentLinkRequests.Exam?
    let seat: FollowSeat?

    func serve(log: ClassLog) {
        server.serve(store: store, hello: hello, exam: exam, seat: seat, log: log)
    }
}

extension TutorLaunch {
    /// The link for `student`'s session, nil for a self-paced class. In a follow class the instructor's tutor
    /// leads (the presenter, its steps sent to the class) and every student's follows, starting from the
    /// progress the store keeps for them.
    func link(for student: StudentID, instructor: Bool, language: String) throws -> SessionLink? {
        if let exam {
            return SessionLink(
                server: try StudentLinkServer(), store: exam.store,
                hello: Hello(student: student.value, mode: .exam, language: language),
                exam: try exam.linkExam(for: student), seat: nil)
        }
        if let follow {
            let role: FollowRelay.Recipient =
                instructor ? .instructor : .follower(follow.newFollower(student: student.value))
            let book = try follow.store.progress(student: student.value) ?? []
            return SessionLink(
                server: try StudentLinkServer(), store: follow.store,
                hello: Hello(
                    student: student.value, mode: instructor ? .lead : .follow, language: language,
                    lesson: follow.lesson, book: book),
                exam: nil, seat: FollowSeat(follow: follow, role: role))
        }
        return nil
    }
}
