-- pandoc Lua filter for the WeasyPrint baseline of bench/bench_build.py.
-- pandoc's HTML writer gathers notes in a section at the end; WeasyPrint can only put a note at
-- the foot of its page when the note's text sits at the marker, as an element with
-- `float: footnote`. This turns each Note into <span class="fn">...</span> in place.
function Note(note)
  return pandoc.Span(pandoc.utils.blocks_to_inlines(note.content), pandoc.Attr("", {"fn"}))
end
