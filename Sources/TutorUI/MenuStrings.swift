import LessonKit
import TutorSession

/// Interface text of the menu's help and of the go-to dialog, in English and Chinese.
extension Strings {
    /// The go-to dialog's title: a step in a lesson, a lesson in the menu.
    func jumpTitle(lessons: Bool) -> String {
        lessons ? say("Go to lesson", "打开课程") : jumpTitle
    }

    /// The prompt with the numbers there are. ASCII `-`, not an en dash: that is ambiguous width, two cells in
    /// terminals set up for Chinese, and would push the dialog's border.
    func jumpPrompt(_ range: ClosedRange<Int>, lessons: Bool) -> String {
        lessons
            ? say("Lesson (\(range.lowerBound)-\(range.upperBound)):", "课程（\(range.lowerBound)-\(range.upperBound)）：")
            : jumpPrompt(range.upperBound)
    }

    /// Said when the number typed is not a step (or lesson) there is.
    func jumpRefused(_ typed: String, range: ClosedRange<Int>, lessons: Bool) -> String {
        let span = "\(range.lowerBound)-\(range.upperBound)"
        return lessons
            ? say("No lesson \(typed): lessons \(span).", "没有第 \(typed) 课：课程为 \(span)。")
            : say("No step \(typed): steps \(span).", "没有第 \(typed) 步：步骤为 \(span)。")
    }

    /// The plain menu's prompt; Enter alone opens lesson `next` (the one in progress).
    func plainMenuPrompt(next: Int) -> String {
        say(
            "Type a lesson number and Enter (Enter alone: lesson \(next); q: quit; l: 中文; ?: keys).",
            "输入课程编号后回车（直接回车：第 \(next) 课；q：退出；l：English；?：按键）。")
    }

    /// The plain menu's own keys, for `?` there; Enter alone opens lesson `next`.
    func plainMenuHelpLines(next: Int) -> [(key: String, action: String)] {
        [
            (say("a number", "数字"), say("open that lesson", "打开该课")),
            ("Enter", say("open lesson \(next), where you left it", "打开第 \(next) 课，从上次停下的地方继续")),
            ("l", say("English / Chinese", "英文 / 中文")),
            ("q", say("quit", "退出")),
        ]
    }
}
