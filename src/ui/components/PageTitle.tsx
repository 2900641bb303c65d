import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The page's h1. When `focusKey` changes (a new screen or step), focus moves here, so
 * screen-reader users hear where they are; the document title is always the heading's.
 */
export function PageTitle(props: { children: string; focusKey: string; describedBy?: string }) {
  const { children, focusKey, describedBy } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  // Before the browser paints or takes the next key: a Tab pressed at once starts from here.
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  // The title follows the words too: switching language changes it without moving focus.
  useEffect(() => {
    document.title = `${children} – Doorstep`;
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title" aria-describedby={describedBy}>
      {children}
    </h1>
  );
}
