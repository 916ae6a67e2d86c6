import Testing

@testable import TutorUI

/// Text shortened for its place never shows a wrong number.
@Suite("Fitting text without cutting a number")
struct TextFitTests {
    static let title = "Captured connection 0: 127.0.0.1:8765 → 127.0.0.1:47068"

    @Test("every width: the text whole, or a start of it ending in … that cuts no number")
    func neverCutsANumber() {
        for width in 2...(TextWidth.of(Self.title) + 2) {
            let fitted = TextFit.fit(Self.title, width: width)
            #expect(TextWidth.of(fitted) <= width, "width \(width): \(fitted)")
            if fitted == Self.title { continue }
            #expect(fitted.hasSuffix("…"), "width \(width): \(fitted)")
            let words = fitted.dropLast().split(separator: " ")
            for word in words where word.contains(where: \.isNumber) {
                #expect(Self.title.split(separator: " ").contains(word), "width \(width): '\(word)' is cut")
            }
        }
        #expect(TextFit.fit(Self.title, width: 50) == "Captured connection 0: 127.0.0.1:8765 → …")
    }

    @Test("the header drops the program's name, then the title's lead, before it cuts anything")
    func headerShortensWordsFirst() {
        for width in [60, 80, 100] {
            var canvas = Canvas(width: width, height: 1)
            HeaderBar(
                title: "TCPTutor  " + Self.title, status: "Step 1 of 9   absolute numbers",
                shorterTitles: HeaderBar.shorter(Self.title)
            ).render(in: canvas.bounds, on: &canvas)
            let line = canvas.line(0)
            if width >= 80 {
                #expect(line.contains("127.0.0.1:8765 → 127.0.0.1:47068"), "\(width): \(line)")
            } else {
                #expect(line.contains("…") && !line.contains("127.0.0.1:4"), "\(width): \(line)")
            }
        }
    }

    @Test("a host box too narrow for an address keeps the whole port")
    func hostBoxKeepsThePort() {
        let address = "[2001:db8:85a3:1234:5678:8a2e:370:7334]:47068"
        #expect(AddressFit.fit(address, port: 47068, width: 19) == "[…]:47068")
        #expect(AddressFit.fit("127.0.0.1:47068", port: 47068, width: 19) == "127.0.0.1:47068")
    }
}
