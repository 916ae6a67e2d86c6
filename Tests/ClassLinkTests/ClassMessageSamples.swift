import ClassLink

/// One message of every kind, with the edge values each field can take.
enum ClassMessageSamples {
    static let clock = ExamClock(
        settings: "handshake,close:5:30", startedAt: 1_764_000_000_000, deadline: 1_764_001_800_000,
        serverNow: 1_764_000_123_456)
    static let answer = ExamAnswer(
        question: 3, point: "three-way-handshake:14", fields: ["flags": "S.", "seq": "1000", "ack": "4001"])

    static let all: [ClassMessage] = [
        .hello(Hello(student: "ada", mode: .selfPaced, language: "en", book: Array(#"{"version":1}"#.utf8))),
        .hello(Hello(student: "李雷", mode: .follow, language: "zh", lesson: "three-way-handshake")),
        .hello(Hello(student: "instructor", mode: .lead, language: "en", lesson: "four-way-teardown")),
        .hello(Hello(student: "", mode: .exam, language: "", book: [])),
        .hello(
            Hello(
                student: "bob", mode: .exam, language: "en",
                exam: ExamResume(clock: clock, answers: [answer], finished: false))),
        .examStarted(request: 1, clock),
        .examStarted(
            request: UInt32.max, ExamClock(settings: "", startedAt: Int64.min, deadline: Int64.max, serverNow: -1)),
        .examResumed(request: 0, ExamResume(clock: clock, answers: [], finished: false)),
        .examResumed(
            request: 7,
            ExamResume(
                clock: clock,
                answers: [answer, ExamAnswer(question: 4, point: "close:9", fields: [:], timeUp: true)],
                finished: true)),
        .saved(request: 2),
        .committed(request: 3),
        .refused(request: 4, reason: "question 3 is answered already"),
        .followStep(lessonID: "three-way-handshake", position: 12, revealed: false),
        .followStep(lessonID: "", position: UInt32.max, revealed: true),
        .classroom(students: 0),
        .classroom(students: 100),
        .studentAnswer(
            student: "李雷", position: 7, fields: ["flags": "S.", "seq": "0", "ack": "-", "state": "SYN-RECEIVED"]),
        .studentAnswer(student: "", position: 0, fields: [:]),
        .classAnswer(position: 7, fields: ["flags": "none", "time": "4 min", "sender": "B", "len": "0"]),
        .classAnswer(position: UInt32.max, fields: [:]),
        .presenterStep(lessonID: "three-way-handshake", position: 7, revealed: true),
        .presenterStep(lessonID: "", position: 0, revealed: false),
        .classEnding(reason: "the class is ending: your work is saved"),
        .saveProgress(request: 5, book: Array(repeating: 0xFF, count: 70_000)),
        .saveProgress(request: 6, book: []),
        .beginExam(request: 8, settings: "handshake,close:5:30", fingerprint: "ab12"),
        .examAnswer(request: 9, answer),
        .examAnswer(request: 10, ExamAnswer(question: UInt32.max, point: "p", fields: ["seq": ""], timeUp: true)),
        .finishExam(request: 11, timeUp: false),
        .finishExam(request: 12, timeUp: true),
        .bye(reason: "the student left"),
    ]
}
