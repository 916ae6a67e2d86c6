import ClassLink
import ClassStore

/// What one session's class link carries: the student's progress (a self-paced class, the default), the exam's
/// requests (`--exam`), or the follow class's steps and answers (`--follow`), with the hello that tells the tutor
/// which. Every session has one: the tutor's progress comes from the store and goes back to it, and nothing is
/// written on the student's side.
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
    /// The link for `student`'s session. In a self-paced class the tutor gets the menu and the book the store
    /// keeps (a book from a file kept before, brought in at the first login); its saves are answered once
    /// committed. In a follow class the instructor's tutor leads (the presenter, its steps sent to the class) and
    /// every student's follows, starting from the same book.
    func link(for student: StudentID, instructor: Bool, language: String, log: ClassLog) throws -> SessionLink {
        if let exam {
            return SessionLink(
                server: try StudentLinkServer(), store: exam.store,
                hello: Hello(student: student.value, mode: .exam, language: language),
                exam: try exam.linkExam(for: student), seat: nil)
        }
        let book = try ProgressFileImport(studentsFolder: studentsFolder, store: store).book(for: student, log: log)
        if let follow {
            let role: FollowRelay.Recipient =
                instructor ? .instructor : .follower(follow.newFollower(student: student.value))
            return SessionLink(
                server: try StudentLinkServer(), store: follow.store,
                hello: Hello(
                    student: student.value, mode: instructor ? .lead : .follow, language: language,
                    lesson: follow.lesson, book: book),
                exam: nil, seat: FollowSeat(follow: follow, role: role))
        }
        return SessionLink(
            server: try StudentLinkServer(), store: store,
            hello: Hello(student: student.value, mode: .selfPaced, language: language, book: book), exam: nil,
            seat: nil)
    }
}
