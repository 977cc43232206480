// Swipes and taps in the scrolling columns, for fingers (SDL turns touches into mouse events;
// ImGui's io.MouseSource says which) and the mouse alike: a drag that starts on a column's
// background, a panel header or a grid not in draw mode scrolls the column; such an item
// counts as pressed only on a tap (released where it was pressed, moved less than a finger's
// jitter). One press at a time, so the state is one small static.
#pragma once

namespace hlab::gestures {

// After an item: a drag that starts on it scrolls the window it is in (unless claimed).
void let_swipe_scroll();
// After an item on which let_swipe_scroll was called: true in the frame a press that began on
// it ends as a tap.
bool tapped();
// The press has moved past a tap's jitter (it is a swipe).
bool swiped();
// The current press belongs to the item under it (a long press starts drawing): no scrolling.
void claim();
// At the end of a scrolling window (before EndChild): scrolls it with the drag when the press
// began on its background or on an item that lets a swipe scroll, and was not claimed.
void scroll_by_swipe();
// The press is a finger's.
bool by_finger();

}  // namespace hlab::gestures
