/// What the class server and one student's tutor say to each other over the class link.
///
/// The tutor never writes a file when it runs under the class server: each write it would make is a request
/// here (`saveProgress`, `beginExam`, `examAnswer`, `finishExam`) that carries a request number, and the server
/// answers it with the same number (`saved`, `examStarted`, `examResumed`, `committed` or `refused`) once the
/// store has committed it. Unnumbered messages (`followStep`, `classEnding`) come from the server at any time.
///
/// Follow mode is unnumbered both ways and needs no acknowledgement (a step or an answer lost with a dead link
/// is reported by the link closing, not by a reply): the instructor's tutor sends `presenterStep` at every
/// move, the server passes it to each follower as `followStep`; a follower's `classAnswer` goes to the
/// instructor as `studentAnswer`, and `classroom` tells the instructor how many follow.
public enum ClassMessage: Hashable, Sendable {
    // Server to tutor.
    /// The first message on a link: who the student is, how the class is run, the student's saved progress
    /// book, and the exam under way if there is one: all the tutor needs before its first frame.
    case hello(Hello)
    /// The exam's clock started on the server (the answer to `beginExam`).
    case examStarted(request: UInt32, ExamClock)
    /// The student's exam was already under way: its clock and the answers the store kept (the answer to a
    /// `beginExam` that finds the sitting begun; at login, `hello` carries it).
    case examResumed(request: UInt32, ExamResume)
    /// The progress book is in the store.
    case saved(request: UInt32)
    /// The answer (or the end of the exam) is in the store.
    case committed(request: UInt32)
    /// The request was not carried out, and why, in words the student can be shown.
    case refused(request: UInt32, reason: String)
    /// Follow mode: show this stop (`LessonPlayer.position`) of this lesson, its answer revealed or not (the
    /// instructor moved, or the student just joined).
    case followStep(lessonID: String, position: UInt32, revealed: Bool)
    /// Follow mode, to the instructor: this many students follow now.
    case classroom(students: UInt32)
    /// Follow mode, to the instructor: a student's answer to the question on stop `position`, as field texts
    /// (`QuizAnswer.fieldTexts`).
    case studentAnswer(student: String, position: UInt32, fields: [String: String])
    /// The class is ending (the server drains): save and leave.
    case classEnding(reason: String)

    // Tutor to server.
    /// Keep this progress book (the bytes ProgressStore writes).
    case saveProgress(request: UInt32, book: [UInt8])
    /// Start the student's exam with these settings (`LESSONS:QUESTIONS:MINUTES`) and the fingerprint of the
    /// exam derived from them; the server refuses settings other than its own.
    case beginExam(request: UInt32, settings: String, fingerprint: String)
    /// One answer, as typed.
    case examAnswer(request: UInt32, ExamAnswer)
    /// The student finished, or the time ran out.
    case finishExam(request: UInt32, timeUp: Bool)
    /// Follow mode: the student's answer to the question on stop `position`, as field texts.
    case classAnswer(position: UInt32, fields: [String: String])
    /// Follow mode, from the instructor's tutor: the presenter rests on this stop of this lesson.
    case presenterStep(lessonID: String, position: UInt32, revealed: Bool)

    // Either way.
    /// The sender is leaving; nothing more comes on this link.
    case bye(reason: String)

    /// The request number a reply answers, or a request carries; nil for an unnumbered message.
    public var request: UInt32? {
        switch self {
        case .examStarted(let request, _), .examResumed(let request, _), .saved(let request),
            .committed(let request), .refused(let request, _), .saveProgress(let request, _),
            .beginExam(let request, _, _), .examAnswer(let request, _), .finishExam(let request, _):
            request
        case .hello, .followStep, .classroom, .studentAnswer, .classEnding, .classAnswer, .presenterStep, .bye: nil
        }
    }

    /// Whether the message answers a request (as opposed to asking one or being unnumbered).
    public var isReply: Bool {
        switch self {
        case .examStarted, .examResumed, .saved, .committed, .refused: true
        default: false
        }
    }
}

/// How the server runs the class for this student.
public enum ClassMode: UInt8, Hashable, Sendable, CaseIterable {
    /// The menu and the student's own progress.
    case selfPaced = 0
    /// The student's screen follows the instructor's steps.
    case follow = 1
    /// The server's exam, on the server's clock.
    case exam = 2
    /// The instructor's session in a follow class: the presenter, whose steps every follower's screen shows.
    case lead = 3
}

/// The first message on a link.
public struct Hello: Hashable, Sendable {
    public var student: String
    public var mode: ClassMode
    /// The language code the student's session asked for (`en`, `zh`), or empty for the default.
    public var language: String
    /// The lesson the class follows (`lead` and `follow`), as the lessons folder names it; empty otherwise. A
    /// follower opens the lesson its first `followStep` names, which is this one.
    public var lesson: String
    /// The saved progress book (the bytes TutorStorage's ProgressBookFormat writes), empty when there is none.
    public var book: [UInt8]
    /// The student's exam when it is under way already: its clock and the answers kept ("Exam resumed: N
    /// answers kept"). Nil when no exam has begun.
    public var exam: ExamResume?

    public init(
        student: String, mode: ClassMode, language: String, lesson: String = "", book: [UInt8] = [],
        exam: ExamResume? = nil
    ) {
        self.student = student
        self.mode = mode
        self.language = language
        self.lesson = lesson
        self.book = book
        self.exam = exam
    }
}

/// An exam's clock, as the server keeps it: milliseconds since 1970 on the server.
public struct ExamClock: Hashable, Sendable {
    /// The exam settings, `LESSONS:QUESTIONS:MINUTES`.
    public var settings: String
    /// When the exam began.
    public var startedAt: Int64
    /// When it ends.
    public var deadline: Int64
    /// The server's clock when it sent this, so the tutor can show the time left by the server's clock.
    public var serverNow: Int64

    public init(settings: String, startedAt: Int64, deadline: Int64, serverNow: Int64) {
        self.settings = settings
        self.startedAt = startedAt
        self.deadline = deadline
        self.serverNow = serverNow
    }
}

/// An exam taken up again: its clock and every answer the store kept, in the order they were committed.
public struct ExamResume: Hashable, Sendable {
    public var clock: ExamClock
    public var answers: [ExamAnswer]
    /// Whether the sitting was already finished.
    public var finished: Bool

    public init(clock: ExamClock, answers: [ExamAnswer], finished: Bool) {
        self.clock = clock
        self.answers = answers
        self.finished = finished
    }
}

/// One answer to one exam question, as typed.
public struct ExamAnswer: Hashable, Sendable {
    /// 1-based question number.
    public var question: UInt32
    /// The quiz point asked (`lesson:line`), so that grading can check the answer is to the question asked.
    public var point: String
    /// The typed text per answer field, by field name (`flags`, `seq`, `ack`, ...).
    public var fields: [String: String]
    /// The clock submitted it: typed, not yet submitted when the time ran out.
    public var timeUp: Bool

    public init(question: UInt32, point: String, fields: [String: String], timeUp: Bool = false) {
        self.question = question
        self.point = point
        self.fields = fields
        self.timeUp = timeUp
    }
}
