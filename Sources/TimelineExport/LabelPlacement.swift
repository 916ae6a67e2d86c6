/// Where along its arrow each label goes: at the middle of the drawn line when nothing is there, else a little
/// towards either end, so that labels of arrows that cross or meet (a simultaneous close's FINs and ACKs) do not
/// cover each other. A label's area is the axis-aligned bounds of six pieces of the rotated text: tight enough
/// at these slopes, where the bounds of the whole text would be as tall as the slope is long.
struct LabelPlacement {
    struct Box {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        func overlap(_ other: Box) -> Double {
            let width = min(maxX, other.maxX) - max(minX, other.minX)
            let height = min(maxY, other.maxY) - max(minY, other.minY)
            return width > 0 && height > 0 ? width * height : 0
        }
    }

    /// A line from its left end to its right end, whatever the direction the segment travels.
    struct Line {
        var left: (x: Double, y: Double)
        var right: (x: Double, y: Double)

        var length: Double {
            ((right.x - left.x) * (right.x - left.x) + (right.y - left.y) * (right.y - left.y)).squareRoot()
        }
        var unit: (x: Double, y: Double) { ((right.x - left.x) / length, (right.y - left.y) / length) }

        func point(_ t: Double) -> (x: Double, y: Double) {
            (left.x + (right.x - left.x) * t, left.y + (right.y - left.y) * t)
        }

        /// The bounds of the pieces of text `width` long centred at `t`, from `above` to `below` across the line
        /// (negative is above, as in the text's own frame).
        func boxes(at t: Double, width: Double, above: Double, below: Double) -> [Box] {
            let centre = point(t)
            let u = unit
            let pieces = 6
            return (0..<pieces).map { piece in
                var xs: [Double] = []
                var ys: [Double] = []
                for along in [piece, piece + 1].map({ -width / 2 + width * Double($0) / Double(pieces) }) {
                    for across in [above, below] {
                        xs.append(centre.x + u.x * along - u.y * across)
                        ys.append(centre.y + u.y * along + u.x * across)
                    }
                }
                return Box(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
            }
        }
    }

    var placed: [Box] = []

    /// Keeps an area free of labels (a wait's text).
    mutating func reserve(_ box: Box) { placed.append(box) }

    /// The position (0 at the left end, 1 at the right) for a label `width` long on the part of `line` from
    /// `drawn.lowerBound` to `drawn.upperBound`, with `below` units of rule text under the line.
    mutating func place(on line: Line, drawn: ClosedRange<Double>, width: Double, below: Double) -> Double {
        let length = line.length
        let half = width / 2 / length
        let margin = 16 / length
        // A label longer than a lost segment's short line runs on past its cross, never behind a lifeline.
        let fits = drawn.upperBound - drawn.lowerBound >= 2 * (margin + half)
        let range = fits ? drawn : 0...1
        let low = range.lowerBound + margin + half
        let high = range.upperBound - margin - half
        let middle = fits ? (range.lowerBound + range.upperBound) / 2 : (drawn.lowerBound == 0 ? low : high)
        let candidates = [0, -0.12, 0.12, -0.22, 0.22, -0.3, 0.3].map { offset in
            low <= high ? min(max(middle + offset, low), high) : middle
        }
        var best = candidates[0]
        var bestOverlap = Double.infinity
        for t in candidates {
            let boxes = line.boxes(at: t, width: width, above: -19, below: below)
            let overlap = boxes.map { box in placed.map { $0.overlap(box) }.reduce(0, +) }.reduce(0, +)
            if overlap < bestOverlap {
                best = t
                bestOverlap = overlap
            }
            if overlap == 0 { break }
        }
        placed += line.boxes(at: best, width: width, above: -19, below: below)
        return best
    }
}
