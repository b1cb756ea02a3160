/** A form's error, read out when it appears (role=alert); nothing while there is none. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="form-error">
      {message}
    </p>
  ) : null;
}
