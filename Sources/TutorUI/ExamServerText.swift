import TutorSession

/// What an exam run by the class server says when it ends before the last question: every answer given is
/// already in the server's store (an answer is accepted only once committed there), so the student is told
/// how many are kept and that logging in again resumes the exam. The class ending (the server's SIGTERM) says
/// so first.
extension ExamText {
    public static func leavingTheServer(_ session: ExamSession, classEnding: Bool) -> [String] {
        let strings = Strings(session.language)
        var lines: [String] = []
        if classEnding { lines.append(strings.say("The class is ending.", "课堂即将结束。")) }
        guard session.sitting.hasBegun else {
            lines.append(
                strings.say(
                    "Your exam was not begun: its clock has not started. Log in again to begin it.",
                    "你的考试尚未开始，计时没有开始。再次登录即可开始。"))
            return lines
        }
        let kept = session.answeredCount
        let count = session.questionCount
        let left = strings.timeLeft(session.remainingMilliseconds)
        lines.append(
            strings.say(
                "Your \(kept) \(kept == 1 ? "answer is" : "answers are") kept on the class server "
                    + "(\(kept) of \(count) questions).",
                "你的 \(kept) 个答案已保存在课堂服务器上（共 \(count) 题）。"))
        lines.append(
            strings.say(
                "Log in again to resume the exam where you left it: the exam's clock runs on (\(left)).",
                "再次登录即可从中断处继续考试：考试计时不停（\(left)）。"))
        return lines
    }
}
