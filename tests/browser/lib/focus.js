'use strict';
// How a focus indicator is recognised, shared by the keyboard test and the broken fixture's
// proof that the keyboard test fails when focus is invisible.

/** Runs in the page (passed as source): what `el` looks like right now. */
function look(el) {
  const s = getComputedStyle(el);
  return {
    outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    outlineStyle: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth),
    outlineColor: s.outlineColor,
    boxShadow: s.boxShadow,
    background: s.backgroundColor,
    color: s.color,
    textDecoration: s.textDecorationLine,
  };
}

function transparent(colour) {
  return colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);
}

/**
 * Why a focused element's look counts as a visible focus indicator, or null when it does
 * not: a solid outline at least 2px wide in a colour that shows, or a box-shadow or
 * background colour that appears only on focus.
 */
function indicator(focused, unfocused) {
  if (focused.outlineStyle !== 'none' && focused.outlineWidth >= 2 && !transparent(focused.outlineColor)) {
    return `outline ${focused.outline}`;
  }
  if (focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow) return `box-shadow ${focused.boxShadow}`;
  if (focused.background !== unfocused.background && !transparent(focused.background)) {
    return `background ${unfocused.background} → ${focused.background}`;
  }
  return null;
}

/** The look of every element matching `selector` (or the focused element when null). */
async function looks(page, selector) {
  return page.evaluate(
    ({ src, selector }) => {
      const fn = new Function(`return (${src})`)();
      return selector ? [...document.querySelectorAll(selector)].map((el) => fn(el)) : fn(document.activeElement);
    },
    { src: look.toString(), selector },
  );
}

module.exports = { indicator, looks };
