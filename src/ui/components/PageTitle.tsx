import { useEffect, useRef } from 'preact/hooks';

/**
 * The page's h1. When `focusKey` changes (a new screen or step), focus moves here and the
 * document title follows, so screen-reader users hear where they are.
 */
export function PageTitle(props: { children: string; focusKey: string; describedBy?: string }) {
  const { children, focusKey, describedBy } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – Doorstep`;
    ref.current?.focus();
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title" aria-describedby={describedBy}>
      {children}
    </h1>
  );
}
